#!/usr/bin/env python3
"""Crash test of `wfm serve`: the server is killed (SIGKILL) at several moments during a
publish, restarted on the same data folder, and must then serve the last version it committed
whole (the one before, or the new one complete), with the database passing
`PRAGMA integrity_check`. At least one kill must land before the new version was committed.

Usage: scripts/check-server-crash.py WFM_BINARY
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request


def start(binary, data, extra=()):
    process = subprocess.Popen([binary, "serve", "--data", data, "--port", "0", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "open http" not in line:
        process.kill()
        raise SystemExit(f"check-server-crash: the server did not start: {line}{process.stderr.read()}")
    return process, line.split("open ")[1].split(" ")[0].rstrip("/")


def call(base, method, path, body=None, timeout=120):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if "json" in response.headers.get("Content-Type", "") else text)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def publish_and_expect_the_kill(base, plan):
    """Publishes; the connection reset by the kill is what the test expects."""
    try:
        call(base, "POST", f"/api/plans/{plan}/publish", timeout=30)
    except (ConnectionError, OSError, urllib.error.URLError):
        pass


def finished_plan(base, plan):
    for _ in range(1200):
        status, body = call(base, "GET", f"/api/plans/{plan}")
        if body["state"] in ("succeeded", "failed", "cancelled"):
            assert body["state"] == "succeeded", body
            return body
        time.sleep(0.25)
    raise SystemExit("check-server-crash: a plan did not finish")


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="wfm-serve-crash-")
    subprocess.run([binary, "bench", "generate", "--centers", "1", "--size", "tiny", "--out", os.path.join(work, "set")], check=True, stdout=subprocess.DEVNULL)
    data = os.path.join(work, "data")
    server, base = start(binary, data, ["--import", os.path.join(work, "set", "center-01", "center.yaml")])
    plans = []
    for seed in (1, 2):
        status, plan = call(base, "POST", "/api/centers/1/plans", {"time_limit_seconds": 5, "relative_gap": 0.1, "seed": seed})
        assert status == 202, plan
        plans.append(finished_plan(base, plan["id"])["id"])
    status, version = call(base, "POST", f"/api/plans/{plans[0]}/publish")
    assert status == 201 and version["version"] == 1, version
    before_commit = after_commit = 0
    for trial, delay in enumerate([0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6]):
        status, versions = call(base, "GET", "/api/centers/1/versions")
        previous = versions[-1]["version"]
        plan = plans[trial % 2]
        threading.Thread(target=publish_and_expect_the_kill, args=(base, plan), daemon=True).start()
        time.sleep(delay)
        server.send_signal(signal.SIGKILL)
        server.wait()
        server, base = start(binary, data)
        status, versions = call(base, "GET", "/api/centers/1/versions")
        latest = versions[-1]["version"]
        assert latest in (previous, previous + 1), f"after a kill at {delay} s: versions {previous} -> {latest}"
        status, roster = call(base, "GET", f"/api/centers/1/versions/{latest}/roster.csv")
        assert status == 200 and roster.startswith("agent_id,"), f"version {latest} has no roster: {status}"
        status, plan_roster = call(base, "GET", f"/api/plans/{versions[-1]['plan_id']}/roster.csv")
        assert roster == plan_roster, f"version {latest}'s roster is not its plan's"
        agent = roster.splitlines()[1].split(",")[0]
        status, calendar = call(base, "GET", f"/api/centers/1/agents/{agent}/calendar.ics")
        assert status == 200 and "END:VCALENDAR" in calendar, f"no whole calendar for {agent} in version {latest}"
        with sqlite3.connect(os.path.join(data, "wfm.sqlite")) as database:
            (integrity,) = database.execute("PRAGMA integrity_check").fetchone()
        assert integrity == "ok", integrity
        if latest == previous:
            before_commit += 1
        else:
            after_commit += 1
        print(f"check-server-crash: killed {delay:.2f} s into a publish: serving v{latest} (v{previous} before), integrity ok")
    server.terminate()
    server.wait(timeout=20)
    assert before_commit > 0, "no kill landed before the version was committed: the test did not test a crash during publishing"
    print(f"check-server-crash: {before_commit} kill(s) before the commit kept the version before, {after_commit} after it kept the new one whole")


if __name__ == "__main__":
    main()
