"""Build kg/data/divisions.tsv from the adcode table that the cpca package ships.

cpca (https://github.com/DQinYuan/chinese_province_city_area_mapper, MIT
licence, (c) 2018 QinYuan Du) is needed only here, at build time; the runtime
reads the TSV this script writes and never imports cpca.

Usage:  python tools/build_gazetteer.py [--out kg/data/divisions.tsv]
"""
from __future__ import annotations

import argparse
import csv
import re
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "kg" / "data" / "divisions.tsv"

# Rows of the adcode table that group divisions but are not divisions themselves.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Suffixes that make a name a division name, longest first so that 自治州 wins over 州.
DIVISION_SUFFIX = re.compile(
    r"(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|矿区|特区|省|市|州|盟|县|区|旗)$"
)
# 林区 is a county-level type only directly under a province (万柏林区 is a 区 named 万柏林).
FOREST_DISTRICT = "林区"
MUNICIPALITY_PROVINCES = {"11", "12", "31", "50"}  # 直辖市: province level, districts below them


def adcode_rows() -> list[tuple[str, str]]:
    table = files("cpca").joinpath("resources", "adcodes.csv")
    with table.open(encoding="utf-8") as handle:
        return [(row["adcode"][:6], row["name"].strip()) for row in csv.DictReader(handle)]


def ethnic_groups() -> list[str]:
    """The 56 ethnic group names (e.g. 土家族), longest first, to strip from autonomous names."""
    table = files("cpca").joinpath("resources", "56_nations.csv")
    names = [line.strip() for line in table.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(names, key=len, reverse=True)


def short_name(name: str, groups: list[str], under_province: bool = False) -> str:
    """The name without its administrative suffix (and ethnic groups); the full name if that leaves < 2 characters."""
    if under_province and name.endswith(FOREST_DISTRICT):
        stem = name[: -len(FOREST_DISTRICT)]
    else:
        stem = DIVISION_SUFFIX.sub("", name)
    if name.endswith(("自治州", "自治县", "自治旗", "自治区")):
        # 黔东南苗族侗族自治州 -> 黔东南; 广西壮族自治区 -> 广西
        stripped = True
        while stripped:
            stripped = False
            for group in groups:
                if stem.endswith(group) and len(stem) > len(group):
                    stem = stem[: -len(group)]
                    stripped = True
                    break
        if stem in groups:
            stem = stem.removesuffix("族")  # 鄂温克族自治旗 -> 鄂温克
    return stem if len(stem) >= 2 else name


def level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def build_rows() -> list[dict[str, str]]:
    groups = ethnic_groups()
    names = {code: name for code, name in adcode_rows()}
    rows = []
    for code in sorted(names):
        name = names[code]
        if name in PLACEHOLDERS or not DIVISION_SUFFIX.search(name):
            continue  # grouping rows, and island groups that are no division
        level = level_of(code)
        if level == "prefecture" and code[:2] in MUNICIPALITY_PROVINCES:
            continue
        province_code = code[:2] + "0000"
        prefecture_code = code[:4] + "00"
        if level == "province":
            parent_code = ""
        elif level == "prefecture":
            parent_code = province_code
        else:
            real_prefecture = names.get(prefecture_code) not in (None, *PLACEHOLDERS)
            parent_code = prefecture_code if real_prefecture else province_code
        rows.append({
            "code": code,
            "name": name,
            "short": short_name(name, groups, under_province=level == "county" and parent_code == province_code),
            "level": level,
            "parent_code": parent_code,
        })
    return rows


def write_tsv(rows: list[dict[str, str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# Chinese administrative divisions: provinces, prefecture-level and county-level divisions.\n"
        f"# Built by tools/build_gazetteer.py from the adcode table of cpca {version('cpca')}\n"
        "# (https://github.com/DQinYuan/chinese_province_city_area_mapper, MIT licence,\n"
        "# Copyright (c) 2018 QinYuan Du). Regenerate with that script; do not edit by hand.\n"
        "# level: province (incl. 直辖市 and SARs) | prefecture | county (区/县/县级市/旗);\n"
        "# parent_code: the parent division's code, empty for provinces.\n"
    )
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        handle.write("code\tname\tshort\tlevel\tparent_code\n")
        for row in rows:
            handle.write("\t".join(row[key] for key in ("code", "name", "short", "level", "parent_code")) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = build_rows()
    write_tsv(rows, args.out)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["level"]] = counts.get(row["level"], 0) + 1
    print(f"wrote {len(rows)} divisions to {args.out}: {counts}")


if __name__ == "__main__":
    main()
