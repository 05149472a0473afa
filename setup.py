"""The optional C extension; everything else is in pyproject.toml.

``thresher.clean._speedups`` is the compiled labelling loop of text cleaning. It is
optional: when it cannot be built (no C compiler, no Python headers) the install goes
on and ``thresher.clean.classify`` runs the same code in Python, at about half the speed.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "thresher.clean._speedups",
            ["src/thresher/clean/_speedups.c"],
            optional=True,
            extra_compile_args=["-O2"],
        )
    ]
)
