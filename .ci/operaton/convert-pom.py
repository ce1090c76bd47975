"""Rewrites the converted build's pom.xml for Operaton: usage convert-pom.py POM OPERATON_VERSION BRIDGE_VERSION.

Each Camunda dependency becomes its Operaton counterpart (same scope); the libraries that the bridge
provides (see bridge-pom.xml) are replaced by the two bridge artifacts. Everything else is unchanged.
"""
import re
import sys

pom_path, operaton_version, bridge_version = sys.argv[1:4]
BRIDGE = "cn.minzheng.operaton-bridge"

# (groupId, artifactId) -> (groupId, artifactId, version or None for the BOM's); None: dropped
REPLACEMENTS = {
    ("org.camunda.bpm", "camunda-bom"): ("org.operaton.bpm", "operaton-bom", "${operaton.version}"),
    ("org.camunda.bpm.springboot", "camunda-bpm-spring-boot-starter-webapp"):
        ("org.operaton.bpm.springboot", "operaton-bpm-spring-boot-starter-webapp", None),
    ("org.camunda.bpm.springboot", "camunda-bpm-spring-boot-starter-rest"):
        ("org.operaton.bpm.springboot", "operaton-bpm-spring-boot-starter-rest", None),
    ("org.camunda.bpm", "camunda-engine-plugin-spin"): ("org.operaton.bpm", "operaton-engine-plugin-spin", None),
    ("org.camunda.spin", "camunda-spin-dataformat-json-jackson"): (BRIDGE, "spin-json", bridge_version),
    ("org.camunda.bpm", "camunda-bpm-junit5"): (BRIDGE, "test", bridge_version),
    ("org.camunda.bpm", "camunda-bpm-assert"): None,
    ("org.camunda.bpm.dmn", "camunda-dmn-junit5"): None,
    # Operaton's LDAP plugin (org.operaton.bpm.identity:operaton-identity-ldap) is not served by the registry
    # the build uses; the converted build leaves directory login out (see convert, step 3).
    ("org.camunda.bpm.identity", "camunda-identity-ldap"): None,
    ("org.camunda.community.process_test_coverage", "camunda-process-test-coverage-junit5-platform-7"): None,
    ("org.camunda.community.process_test_coverage", "camunda-process-test-coverage-spring-test-platform-7"): None,
}

DEPENDENCY = re.compile(r"[ \t]*<dependency>.*?</dependency>\n", re.S)


def field(block, name):
    found = re.search(rf"<{name}>(.*?)</{name}>", block)
    return found.group(1) if found else None


def convert(match):
    block = match.group(0)
    key = (field(block, "groupId"), field(block, "artifactId"))
    if key not in REPLACEMENTS:
        if key[0] and key[0].startswith("org.camunda.bpm"):
            sys.exit(f"convert-pom: no Operaton counterpart for {key[0]}:{key[1]}")
        return block
    replacement = REPLACEMENTS[key]
    if replacement is None:
        return ""
    group, artifact, version = replacement
    block = block.replace(f"<groupId>{key[0]}</groupId>", f"<groupId>{group}</groupId>")
    block = block.replace(f"<artifactId>{key[1]}</artifactId>", f"<artifactId>{artifact}</artifactId>")
    block = re.sub(r"\s*<version>.*?</version>", "", block)
    if version:
        block = block.replace("</artifactId>", f"</artifactId>\n      <version>{version}</version>", 1)
    return block


pom = open(pom_path, encoding="utf-8").read()
pom = DEPENDENCY.sub(convert, pom)
pom = pom.replace("<camunda.version>", f"<operaton.version>{operaton_version}</operaton.version>\n    <camunda.version>", 1)
pom = pom.replace("<artifactId>civil-affairs-workflow</artifactId>",
                  "<artifactId>civil-affairs-workflow-operaton</artifactId>", 1)
open(pom_path, "w", encoding="utf-8").write(pom)
