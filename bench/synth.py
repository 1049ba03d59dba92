"""Synthetic facts files in the shape of the curated ones, at any size (10k, 100k, 1M triples, …).

Each synthetic document reports on one prefecture-level city: its province,
a county-level city within it, the awards of all four levels (with their
提名奖), a few dozen local enterprises (with short names) and their leaders,
award conferrals with years, positions, program adoptions, a regulation and
an event. Enterprises, cities and awards recur across documents, so entity
resolution has real work to do. The output is the same for the same seed.

    python bench/synth.py --triples 100000 --out bench/out/synth-100k

Prints the number of documents written and (with --check) the triples the builder makes of them.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from pathlib import Path

from kg.factfile import write_facts_file
from kg.model import Adoption, Conferral, DocumentFacts, DocumentMeta, Entity, Location, Position

# Made-up place syllables: the synthetic cities are no real ones.
_FIRST = "岚峪沣湄璟珂洵溱郗琅邰栎汧漪沅浔霁皋翎槿"
_SECOND = "川岭原泽湾屿峰陂渚汀坪垣阜滩岗塬埠岩洲屏"
_TRADES = ["精密机械", "新能源", "智能装备", "电子科技", "生物医药", "新材料", "纺织", "食品", "电缆", "汽车零部件",
           "光电", "环保科技", "化工", "建材", "物流", "软件", "仪表", "船舶", "纸业", "医疗器械"]
_SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
_PROGRAMS = ["首席质量官制度", "质量强市战略", "标准化战略", "品牌培育计划", "质量提升行动", "计量执行官制度"]
_FIRMS_PER_CITY = 60
_FIRMS_PER_DOCUMENT = 24
_YEARS = range(2008, 2024)


def _place(index: int) -> str:
    """A distinct made-up two-syllable place name for every index below 400, then numbered."""
    base = _FIRST[index % len(_FIRST)] + _SECOND[(index // len(_FIRST)) % len(_SECOND)]
    return base if index < len(_FIRST) * len(_SECOND) else f"{base}{index // (len(_FIRST) * len(_SECOND))}"


def _person(city: int, number: int) -> str:
    """The same person for the same city and number in every document."""
    key = city * 1000 + number
    return _SURNAMES[key % len(_SURNAMES)] + _GIVEN[(key // 7) % len(_GIVEN)] + _GIVEN[(key // 3) % len(_GIVEN)] + str(key)


class _Document:
    """Collects the entities and facts of one synthetic document, with made-up offsets."""

    def __init__(self, doc_id: str, title: str):
        self.facts = DocumentFacts(DocumentMeta(id=doc_id, title=title, publisher="合成日报",
                                                date="2022-01-01", url=f"https://example.org/{doc_id}"))
        self.names: set[str] = set()
        self.offset = 0

    def span(self, length: int = 12) -> tuple[int, int]:
        self.offset += length + 3
        return (self.offset - length, self.offset)

    def entity(self, name: str, type_: str, **fields) -> str:
        if name not in self.names:
            self.names.add(name)
            self.facts.entities.append(Entity(name=name, type=type_, mentions=[self.span(len(name))], **fields))
        return name


def synth_document(number: int, cities: int, rng: random.Random) -> DocumentFacts:
    city_index = number % cities
    province_name = _place(400 + city_index // 8) + "省"
    city_name = _place(city_index) + "市"
    county_name = _place(1000 + city_index) + "市"
    doc = _Document(f"synth-{number:06d}", f"{city_name}质量工作综述（第{number}期）")
    entity = doc.entity

    entity(province_name, "Province", level="province")
    entity(city_name, "City", level="prefecture", aliases=[city_name[:-1]])
    entity(county_name, "City", level="county")
    doc.facts.locations += [Location(city_name, province_name), Location(county_name, city_name)]

    province_award = entity(f"{province_name}省长质量奖", "Award", conferrer=province_name)
    mayor_award = entity(f"{city_name}市长质量奖", "Award", conferrer=city_name)
    county_award = entity(f"{county_name}市长质量奖", "Award", conferrer=county_name)
    national_award = entity("中国质量奖", "Award", level="national")
    awards = [mayor_award, county_award, province_award, national_award]
    nominations = {
        award: entity(f"{award}提名奖", "Award", nomination_for=award, **(
            {"level": "national"} if award == national_award else {"conferrer": {
                province_award: province_name, mayor_award: city_name, county_award: county_name}[award]}))
        for award in awards
    }

    bureau = entity(f"{city_name}市场监督管理局", "GovernmentBody")
    doc.facts.locations.append(Location(bureau, city_name))
    for role, holder in (("市长", _person(city_index, 900)), ("局长", _person(city_index, 901))):
        entity(holder, "Person")
        doc.facts.positions.append(Position(holder, role, city_name if role == "市长" else bureau, evidence=doc.span()))

    for program in rng.sample(_PROGRAMS, 3):
        entity(program, "Program")
        doc.facts.adoptions.append(Adoption(city_name, program, since=rng.choice(_YEARS), evidence=doc.span()))
    # A city's regulation has one year in every document that names it (two years break the shapes).
    # The draw is kept so that the rest of the generated facts stay as they were.
    rng.choice(_YEARS)
    entity(f"{city_name}质量促进条例", "Regulation", issuer=city_name, year=_YEARS[city_index % len(_YEARS)])
    event_year = rng.choice(_YEARS)
    entity(f"{event_year}{city_name}质量大会", "Event", date=f"{event_year}-09-01", place=city_name,
           organizers=[bureau])

    for firm_number in sorted(rng.sample(range(_FIRMS_PER_CITY), _FIRMS_PER_DOCUMENT)):
        trade = _TRADES[(city_index + firm_number) % len(_TRADES)]
        short = f"{city_name[:-1]}{trade}{firm_number}"
        firm = entity(f"{city_name[:-1]}{trade}{firm_number}号股份有限公司", "Enterprise", aliases=[short])
        doc.facts.locations.append(Location(firm, county_name if firm_number % 4 == 0 else city_name))
        chair = entity(_person(city_index, firm_number), "Person")
        doc.facts.positions.append(Position(chair, "董事长", firm, evidence=doc.span()))
        if firm_number % 3 == 0:
            officer = entity(_person(city_index, 500 + firm_number), "Person")
            doc.facts.positions.append(Position(officer, "首席质量官", firm, evidence=doc.span()))
            doc.facts.adoptions.append(Adoption(firm, "首席质量官制度", evidence=doc.span()))
            entity("首席质量官制度", "Program")
        # A ladder: a 提名奖 first, then awards of rising level in later years.
        year = rng.choice(_YEARS[:-4])
        rung = rng.randrange(3)
        for _ in range(rng.randint(1, 3)):
            award = awards[min(rung, len(awards) - 1)]
            if rng.random() < 0.35:
                award = nominations[award]
            recipient = chair if rng.random() < 0.1 else firm  # some awards go to the firm's leader
            doc.facts.conferrals.append(Conferral(recipient, award, year=year, evidence=doc.span()))
            year += rng.randint(1, 3)
            rung += rng.random() < 0.5
            if year > _YEARS[-1]:
                break
    return doc.facts


def documents_for(triples: int) -> tuple[int, int]:
    """How many documents (and cities) give about ``triples`` triples (about 1350 a document)."""
    documents = max(1, round(triples / 1350))
    return documents, max(1, documents // 4)


def write_synthetic(out: Path, triples: int, seed: int = 7) -> int:
    """Write about ``triples`` triples' worth of facts files into ``out`` (emptied first); return the file count."""
    documents, cities = documents_for(triples)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    for number in range(documents):
        write_facts_file(synth_document(number, cities, rng), out / f"synth-{number:06d}.yaml")
    return documents


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=10_000, help="about how many triples (default 10000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the facts files into (emptied)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="build the graph and print its size")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    count = write_synthetic(args.out, args.triples, args.seed)
    print(f"wrote {count} facts files into {args.out} in {time.perf_counter() - started:.1f} s")
    if args.check:
        from kg.pipeline import build_graph

        summary = build_graph([args.out]).summary()
        print("\n".join(summary.lines()))


if __name__ == "__main__":
    sys.exit(main())
