"""A run killed with SIGKILL and rerun gives the same files and totals as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson

from tests.foundation.helpers import build_warc, page


def _inputs(root: Path) -> list[Path]:
    paths = []
    for n in range(12):
        path = root / f"crawl-{n:02d}.warc.gz"
        build_warc(
            path,
            [(f"https://s{n}.example/{i}", page(f"S{n} P{i}", 40).encode(), "text/html") for i in range(60)],
        )
        paths.append(path)
    return paths


_CONFIG = """
[[steps]]
name = "html_to_text"
[[steps]]
name = "site_clean"
[[steps]]
name = "drop_empty"
[[steps]]
name = "dedup"
"""


def _command(inputs: list[Path], out: Path) -> list[str]:
    """The run under test: three passes (site_clean and dedup are corpus steps)."""
    config = out.parent / "three-passes.toml"
    config.write_text(_CONFIG)
    files = [str(p) for p in inputs]
    return [
        sys.executable,
        "-m",
        "thresher",
        "run",
        *files,
        "-o",
        str(out),
        "-q",
        "--workers",
        "1",
        "--config",
        str(config),
    ]


def _markers(out: Path) -> int:
    return len(list(out.glob("done/*"))) + len(list(out.glob("stages/*/done/*")))


def _outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted((out / "data").glob("*"))} | {
        str(p.relative_to(out)): p.read_bytes() for p in sorted((out / "rejects").glob("*"))
    }


def _totals(out: Path) -> tuple[int, int, dict[str, int], dict[str, int]]:
    stats = orjson.loads((out / "stats.json").read_bytes())
    return stats["documents_in"], stats["kept"], stats["dropped"], stats["errored"]


def test_sigkill_then_rerun_matches_clean_run(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    clean = tmp_path / "clean"
    subprocess.run(_command(inputs, clean), check=True, timeout=300)

    killed = tmp_path / "killed"
    process = subprocess.Popen(_command(inputs, killed), start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if _markers(killed) >= 14 or process.poll() is not None:  # inside the second of three passes
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = _markers(killed)
    assert finished_before < 3 * len(inputs), "the run finished before it could be killed"

    rerun = subprocess.run(_command(inputs, killed), capture_output=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"resumed {finished_before} of {3 * len(inputs)} shard passes" in rerun.stdout.decode()
    assert _outputs(killed) == _outputs(clean)
    assert _totals(killed) == _totals(clean)
    assert _totals(clean)[1] > 0  # documents were kept, so the compared files hold data
    assert not list(killed.rglob("*.tmp"))
