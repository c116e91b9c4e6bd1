#!/usr/bin/env python3
"""Validates wfm's deployment manifests without a cluster.

- deploy/k8s/*.yaml: with kubernetes-validate --strict against a current Kubernetes version;
  each Indexed Job sets WFM_SHARDS to its completions, and its work pods request what
  docs/scale-out.md sizes (CPU 2, memory 1 GiB).
- deploy/argo/*.yaml (a CRD that kubernetes-validate has no schema for): every template's
  container is validated as the container of a Pod with the workflow's volumes; the entrypoint
  and every step name a template; every {{workflow.parameters.X}} is declared.

With --commands, prints instead, as JSON, each Job's wfm command (args, env, completions), so
that a test can run them as local processes.
Exit 0 when everything validates, 1 naming what does not.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

KUBERNETES_VERSION = "1.35.0"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
problems = []


def documents(path):
    with open(path) as handle:
        return [document for document in yaml.safe_load_all(handle) if document]


def validate(paths):
    result = subprocess.run(["kubernetes-validate", "--strict", "--quiet", "-k", KUBERNETES_VERSION] + paths,
                            capture_output=True, text=True)
    if result.returncode != 0:
        problems.append((result.stdout + result.stderr).strip())


def check_job(path, job):
    spec = job["spec"]
    container = spec["template"]["spec"]["containers"][0]
    env = {item["name"]: item.get("value") for item in container.get("env", [])}
    if spec.get("completionMode") == "Indexed":
        if env.get("WFM_SHARDS") != str(spec.get("completions")):
            problems.append(f"{path}: WFM_SHARDS is {env.get('WFM_SHARDS')}, completions {spec.get('completions')}: they must agree")
        requests = container.get("resources", {}).get("requests", {})
        if requests.get("cpu") != "2" or requests.get("memory") != "1Gi":
            problems.append(f"{path}: the work pods request {requests}, not cpu 2 and memory 1Gi as docs/scale-out.md sizes them")


def check_workflow(path, workflow):
    spec = workflow["spec"]
    names = {template["name"] for template in spec["templates"]}
    if spec.get("entrypoint") not in names:
        problems.append(f"{path}: entrypoint '{spec.get('entrypoint')}' names no template")
    declared = {parameter["name"] for parameter in spec.get("arguments", {}).get("parameters", [])}
    used = set(re.findall(r"\{\{workflow\.parameters\.([a-zA-Z0-9_-]+)\}\}", yaml.safe_dump(workflow)))
    for missing in sorted(used - declared):
        problems.append(f"{path}: uses workflow parameter '{missing}', which spec.arguments does not declare")
    with tempfile.TemporaryDirectory() as folder:
        pods = []
        for template in spec["templates"]:
            for group in template.get("steps", []):
                for step in group:
                    if step["template"] not in names:
                        problems.append(f"{path}: step '{step['name']}' names no template '{step['template']}'")
            if "container" not in template:
                continue
            container = dict(template["container"], name=template["name"])
            pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": template["name"]},
                   "spec": {"restartPolicy": "Never", "securityContext": spec.get("securityContext", {}),
                            "volumes": spec.get("volumes", []), "containers": [container]}}
            pod_path = os.path.join(folder, f"{template['name']}.yaml")
            with open(pod_path, "w") as handle:
                yaml.safe_dump(pod, handle)
            pods.append(pod_path)
        validate(pods)


def main():
    manifests = sorted(glob.glob(os.path.join(ROOT, "deploy/k8s/*.yaml")))
    workflows = sorted(glob.glob(os.path.join(ROOT, "deploy/argo/*.yaml")))
    if "--commands" in sys.argv:
        commands = []
        for path in manifests:
            for document in documents(path):
                if document.get("kind") != "Job":
                    continue
                container = document["spec"]["template"]["spec"]["containers"][0]
                commands.append({"manifest": os.path.relpath(path, ROOT), "name": document["metadata"]["name"],
                                 "command": container.get("command", []), "args": container.get("args", []),
                                 "env": {item["name"]: item.get("value") for item in container.get("env", [])},
                                 "completions": document["spec"].get("completions", 1),
                                 "indexed": document["spec"].get("completionMode") == "Indexed"})
        print(json.dumps(commands, indent=1))
        return 0
    validate(manifests)
    for path in manifests:
        for document in documents(path):
            if document.get("kind") == "Job":
                check_job(path, document)
    for path in workflows:
        for document in documents(path):
            check_workflow(path, document)
    for problem in problems:
        print(f"validate-manifests: {problem}", file=sys.stderr)
    if not problems:
        print(f"validate-manifests: {len(manifests)} manifests and {len(workflows)} workflow(s) valid against Kubernetes {KUBERNETES_VERSION}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
