"""An S3 endpoint for tests: moto's server on localhost, found by boto through the environment.

Worker processes (the local engine's, Ray's) inherit the environment, so they reach
the same bucket without sharing the test's disk: what a cluster on object storage does.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager

_BUCKET_NUMBERS = itertools.count()
SKIP_REASON = "needs moto and s3fs (dev extra)"


def available() -> bool:
    """True when moto's server and s3fs are installed (the dev extra brings them)."""
    return all(importlib.util.find_spec(name) is not None for name in ("moto", "s3fs", "flask"))


@contextmanager
def moto_s3() -> Iterator[str]:
    """Start an S3 server with one new, empty bucket; yield its URL (``s3://thresher-test-N``).

    moto keeps its buckets per process, so each call gets a bucket of its own.
    """
    import s3fs
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL_S3": f"http://{host}:{port}",
    }
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        s3fs.S3FileSystem.clear_instance_cache()
        bucket = f"thresher-test-{os.getpid()}-{next(_BUCKET_NUMBERS)}"
        s3fs.S3FileSystem().mkdir(bucket)
        yield f"s3://{bucket}"
    finally:
        s3fs.S3FileSystem.clear_instance_cache()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        server.stop()
