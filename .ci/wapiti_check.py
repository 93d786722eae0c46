"""Reads a wapiti JSON report: prints every finding, and exits 1 when one of high or critical
severity (wapiti's level 3 or 4) is not listed as a triaged false positive.

Usage: python3 .ci/wapiti_check.py REPORT.json TRIAGED.txt

TRIAGED.txt has one false positive a line, `category | method | path | parameter`, each part
as the report gives it (`*` matches anything); `#` starts a comment. Why each is a false
positive is written in docs/SECURITY.md.
"""

import json
import sys

HIGH = 3
LEVELS = {0: "info", 1: "low", 2: "medium", 3: "high", 4: "critical"}


def triaged(path):
    rules = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 4:
                sys.exit(f"{path}: expected 'category | method | path | parameter': {line}")
            rules.append(parts)
    return rules


def matches(rule, finding):
    return all(want in ("*", have) for want, have in zip(rule, finding))


def main():
    report_path, triaged_path = sys.argv[1], sys.argv[2]
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    rules = triaged(triaged_path)
    untriaged = 0
    total = 0
    for section in ("vulnerabilities", "anomalies", "additionals"):
        for category, items in sorted((report.get(section) or {}).items()):
            informative = 0
            for item in items:
                total += 1
                level = int(item.get("level", 0))
                finding = (category, item.get("method", ""), item.get("path", ""), item.get("parameter", ""))
                known = any(matches(rule, finding) for rule in rules)
                if level == 0 and not known:
                    informative += 1
                    continue
                mark = "(triaged: false positive)" if known else ""
                print(f"wapiti {section}: [{LEVELS.get(level, level)}] {category}: "
                      f"{finding[1]} {finding[2]} parameter '{finding[3]}' {mark}".rstrip())
                print(f"    {item.get('info', '')}")
                if level >= HIGH and not known:
                    untriaged += 1
            if informative:
                print(f"wapiti {section}: [info] {category}: {informative} notes")
    crawled = report.get("infos", {}).get("crawled_pages_nbr", "?")
    print(f"wapiti: {total} findings, {untriaged} of high severity untriaged; {crawled} pages crawled")
    return 1 if untriaged else 0


if __name__ == "__main__":
    sys.exit(main())
