"""Apache Jena ARQ, from Debian's libapache-jena-java, run with `java -cp` on saved queries.

Debian's Jena 4.5 fails at start-up as shipped: its bundled xerces classes were renamed to the
package ``xerces`` but their message ``.properties`` files stayed under
``org/apache/jena/ext/xerces/``. Copying them to ``xerces/impl/msg/`` (and the regex messages to
``xerces/impl/xpath/regex/``) in a folder on the classpath fixes it.
"""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

JAVA_DIR = Path("/usr/share/java")
JARS = [f"jena-{name}" for name in ("arq", "base", "core", "dboe-base", "dboe-index", "dboe-storage",
                                     "dboe-trans-data", "dboe-transaction", "iri")] + [
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-core", "jackson-databind",
    "jakarta.json-api", "jsonld-java", "protobuf", "thrift", "titanium-json-ld", "slf4j-api", "slf4j-nop"]
RUNNER = Path(__file__).resolve().parent / "jena" / "RunQueries.java"
_SHIPPED = "org/apache/jena/ext/xerces/"


def missing() -> str | None:
    """Why Jena cannot run here, or None."""
    if shutil.which("java") is None:
        return "no java (CI installs default-jre-headless)"
    absent = [name for name in JARS if not (JAVA_DIR / f"{name}.jar").exists()]
    if absent:
        return f"no {absent[0]}.jar in {JAVA_DIR} (CI installs libapache-jena-java)"
    return None


def version() -> str:
    return (JAVA_DIR / "jena-arq.jar").resolve().stem.removeprefix("jena-arq-")


def message_fix(folder: Path) -> Path:
    """A classpath folder holding xerces' message files where the renamed classes look for them."""
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(_SHIPPED) and name.endswith(".properties"):
                target = folder / "xerces" / name[len(_SHIPPED):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return folder


def classpath(fix: Path) -> str:
    return ":".join([str(fix)] + [str(JAVA_DIR / f"{name}.jar") for name in JARS])


def run_queries(data: Path, texts: dict[str, str], work: Path) -> dict[str, bytes]:
    """Each query's answer (SPARQL JSON results) from Jena ARQ over ``data``, in one JVM."""
    fix = message_fix(work / "classpath")
    args = []
    for name, text in texts.items():
        (work / f"{name}.rq").write_text(text, encoding="utf-8")
        args += [str(work / f"{name}.rq"), str(work / f"{name}.json")]
    subprocess.run(["java", "-cp", classpath(fix), str(RUNNER), str(data), *args],
                   check=True, capture_output=True, timeout=600)
    return {name: (work / f"{name}.json").read_bytes() for name in texts}
