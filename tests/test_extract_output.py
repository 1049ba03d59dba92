"""The fast facts writer: whatever the names and quotes hold, kg.factfile reads back the same facts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.output import dump, scalar, write_facts
from kg.factfile import facts_to_data, read_facts_file
from kg.model import Conferral, DocumentFacts, DocumentMeta, Entity

# Names from documents anybody can write: CJK, quotes, colons, brackets, YAML indicators, control characters, emoji.
names = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
    st.sampled_from(list(":#[]{},&*!|>'\"%@`-?（）《》“”、 \t\\\n\r\x85\u2028\u3000\x7f\x9f\ufeff😀yYnN01.")),
), min_size=1, max_size=20).filter(lambda s: s.strip() and s == s.strip())


def sample(name: str, alias: str, quote: str) -> DocumentFacts:
    facts = DocumentFacts(DocumentMeta(id="doc-1", title=name, publisher=alias, date="2021-05", source="a b.txt"))
    facts.entities = [Entity(name, "Enterprise", aliases=[alias] if alias != name else [], mentions=[(0, 1), (2, 5)],
                             confidence=0.8),
                      Entity("甲市市长质量奖", "Award", confidence=0.7)]
    facts.conferrals = [Conferral(name, "甲市市长质量奖", 2021, evidence=(0, 5), confidence=0.9, quote=quote)]
    return facts


@settings(max_examples=150, deadline=None)
@given(names, names, st.text(max_size=40))
def test_round_trip(tmp_path_factory, name, alias, quote):
    path = tmp_path_factory.mktemp("out") / "facts.yaml"
    facts = sample(name, alias, quote)
    write_facts(facts, path)
    assert facts_to_data(read_facts_file(path)) == facts_to_data(facts)


def test_layout_matches_the_curated_files():
    text = dump(sample("甲市乙丙科技股份有限公司", "乙丙科技", "甲市乙丙科技股份有限公司荣获…"))
    assert text.startswith("format: qkg-facts/1\ndocument:\n  id: doc-1\n")
    assert "- name: 甲市乙丙科技股份有限公司\n  type: Enterprise\n  aliases: [乙丙科技]\n" in text
    assert "  mentions: [[0, 1], [2, 5]]\n" in text
    assert "  date: \"2021-05\"\n" in text  # a date-like text stays a text


def test_scalars_that_yaml_would_misread_are_quoted():
    for value in ("yes", "No", "null", "1.5", "2021", "- a", "a: b", "#x", "甲: 乙", "甲 #乙", "甲 "):
        assert scalar(value).startswith('"'), value
    assert scalar("甲市乙丙科技（集团）股份有限公司") == "甲市乙丙科技（集团）股份有限公司"
    assert scalar(0.85) == "0.85" and scalar(2021) == "2021"
