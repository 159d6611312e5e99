"""The production stack, started for real: varnishd (deploy/varnish/default.vcl) in front of
app hosts (gunicorn) sharing one PostgreSQL database, one Redis and one private bucket in an
S3-compatible server (moto's server mode), with a task worker. Under CI a missing server
fails; elsewhere the tests that need it are skipped."""

import http.client
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .processes import ROOT, free_port, wait_until

VCL = ROOT / "deploy" / "varnish" / "default.vcl"
SERVICE = ROOT / "deploy" / "varnish" / "varnish.service.d" / "campaign.conf"


def varnish_parameters():
    """The -p parameters production starts varnishd with (the systemd drop-in)."""
    words = SERVICE.read_text().splitlines()[-1].split()
    return [
        word
        for pair in zip(words, words[1:], strict=False)
        if pair[0] == "-p" and not pair[1].startswith("vcl_path")
        for word in pair
    ]


HOSTS_VCL = """
probe healthz {{
    .request = "GET /healthz/ HTTP/1.1" "Host: 127.0.0.1" "Connection: close";
    .interval = 0.5s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}}
{backends}
sub vcl_init {{
{adds}
}}
acl purgers {{ "127.0.0.1"; }}
"""


def require(what, available):
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required under CI")
    pytest.skip(f"{what} is not available")


def postgres_url():
    url = os.environ.get("STACK_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    ready = shutil.which("pg_isready") and subprocess.run(
        ["pg_isready", "-q", "-d", url],  # noqa: S607
        check=False,
    )
    require("PostgreSQL", ready and ready.returncode == 0)
    return url


def redis_url():
    url = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/3")
    import redis

    try:
        redis.Redis.from_url(url).ping()
    except redis.RedisError:
        require("Redis", False)
    return url


BUCKET = "campaign-media"


def start_object_store(workdir):
    """moto's S3 server on a free port, with the site's private bucket; returns (process,
    endpoint, client)."""
    import boto3

    port = free_port()
    log = open(workdir / "s3.log", "w")  # noqa: SIM115 (the process's own log)
    server = subprocess.Popen(  # noqa: S603
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    endpoint = f"http://127.0.0.1:{port}"
    wait_until(lambda: answers(endpoint, "/"), "the S3-compatible server", seconds=60)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="stack",
        aws_secret_access_key="stack",  # noqa: S106
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    return server, endpoint, client


def bucket_env(endpoint):
    """The site's settings for the bucket of the server at ``endpoint``."""
    return {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "stack",
        "AWS_SECRET_ACCESS_KEY": "stack",
        "AWS_DEFAULT_REGION": "us-east-1",
    }


def request(base, path, method="GET", headers=None, source=None):
    """One HTTP request (a plain connection: from the address ``source``, when given)."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(
        host, int(port), timeout=30, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        response.body = response.read()
        return response
    finally:
        connection.close()


def answers(base, path="/healthz/"):
    try:
        return request(base, path).status == 200
    except OSError:
        return False


@dataclass
class Stack:
    env: dict
    workdir: Path
    processes: dict = field(default_factory=dict)
    app_hosts: list = field(default_factory=list)
    varnish: str = ""
    database: tuple = ()
    bucket: object = None
    object_store: object = None

    def manage(self, *args, **env):
        return subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *args],
            env={**self.env, **env},
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout

    def start(self, name, command, **env):
        log = open(self.workdir / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        self.processes[name] = (
            subprocess.Popen(  # noqa: S603
                command, env={**self.env, **env}, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            ),
            log,
        )

    def stop(self, name):
        process, log = self.processes.pop(name)
        process.terminate()
        process.wait(timeout=30)
        log.close()

    def start_app_host(self, name, **env):
        port = free_port()
        self.start(
            name,
            [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py")],
            BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY="1",
            **env,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(base), f"app host {name}", seconds=60)
        self.app_hosts.append(base)
        return base

    def start_worker(self):
        self.start(
            "worker",
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
            + ["--interval", "0.1"],
        )

    def start_varnish(self):
        require("varnishd", shutil.which("varnishd"))
        names = [f"app_{number}" for number in range(len(self.app_hosts))]
        backends = "\n".join(
            f'backend {name} {{ .host = "127.0.0.1"; .port = "{base.rsplit(":", 1)[1]}"; '
            ".probe = healthz; }"
            for name, base in zip(names, self.app_hosts, strict=True)
        )
        adds = "\n".join(f"    app.add_backend({name});" for name in names)
        (self.workdir / "hosts.vcl").write_text(HOSTS_VCL.format(backends=backends, adds=adds))
        self.start(
            "varnish",
            [
                "varnishd",
                "-F",
                "-j",
                "none",
                "-n",
                str(self.workdir / "varnish"),
                "-a",
                self.varnish.removeprefix("http://"),
                "-p",
                f"vcl_path={self.workdir}:{VCL.parent}",
                "-f",
                str(VCL),
                *varnish_parameters(),
                "-s",
                "malloc,256m",
            ],
        )
        wait_until(lambda: answers(self.varnish), "Varnish with a healthy app host", seconds=60)

    def sibling(self, workdir, **env):
        """Another Varnish and its own app hosts on the same database and cache."""
        varnish = f"http://127.0.0.1:{free_port()}"
        env = {"WAGTAILADMIN_BASE_URL": varnish, "VARNISH_URLS": varnish, **env}
        return Stack(
            {**self.env, **env},
            workdir,
            varnish=varnish,
            database=self.database,
            bucket=self.bucket,
        )

    def close(self):
        for name in list(self.processes):
            self.stop(name)


def new_stack(tmp_path_factory, **env):
    """A migrated database holding the demo campaign, and nothing started yet."""
    workdir = tmp_path_factory.mktemp("stack")
    server = postgres_url()
    database = f"campaign_stack_{uuid.uuid4().hex[:8]}"
    varnish = f"http://127.0.0.1:{free_port()}"
    subprocess.run(  # noqa: S603
        ["psql", f"{server}/postgres", "-qc", f"CREATE DATABASE {database}"],  # noqa: S607
        check=True,
    )
    object_store, endpoint, bucket = start_object_store(workdir)
    stack = Stack(
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
            "DATABASE_URL": f"{server}/{database}",
            "REDIS_URL": redis_url(),
            "CACHE_KEY_PREFIX": database,
            "REACH_REDIS_PREFIX": f"{database}:",
            # the public address is Varnish's, and purges go to it
            "WAGTAILADMIN_BASE_URL": varnish,
            "VARNISH_URLS": varnish,
            "MEDIA_ROOT": str(workdir / "media"),
            "REACH_BUFFER_SECONDS": "0",
            **bucket_env(endpoint),
            **env,
        },
        workdir=workdir,
        varnish=varnish,
        database=(server, database),
        bucket=bucket,
    )
    stack.object_store = object_store
    stack.manage("migrate", "--no-input", "-v0")
    stack.manage("load_demo_campaign")
    # the videos' renditions, then the packages that carry them (queued by the renditions)
    stack.manage("db_worker", "--batch", "--no-startup-delay")
    stack.manage(
        "db_worker", "--backend", "media", "--queue-name", "media", "--batch", "--no-startup-delay"
    )
    stack.manage("db_worker", "--batch", "--no-startup-delay")
    return stack


def drop(stack):
    stack.close()
    stack.object_store.terminate()
    stack.object_store.wait(timeout=30)
    server, database = stack.database
    subprocess.run(  # noqa: S603
        ["psql", f"{server}/postgres", "-qc", f"DROP DATABASE IF EXISTS {database}"],  # noqa: S607
        check=False,
    )
