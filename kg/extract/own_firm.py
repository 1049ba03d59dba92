"""The firm a page is about when only its title names it ("荣誉资质 - 某某有限公司" then "本公司…")."""
from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.organizations import find_organizations
from kg.extract.places import find_places

# The page's words for itself: "本公司成立于…", "我公司…".
SELF_REFERENCE = re.compile(r"(?:本|我)(?:公司|集团)")


def title_firm(text: str, title: str | None, organizations: list[Mention],
               lexicon: Lexicon | None = None) -> Mention | None:
    """The enterprise the title names, placed where the text first calls itself 本公司.

    Only when the text names no enterprise itself: then its 本公司 and bare 公司
    can only mean the title's firm.
    """
    if not title or any(m.type == "Enterprise" for m in organizations):
        return None
    reference = SELF_REFERENCE.search(text)
    if reference is None:
        return None
    firm = next((m for m in find_organizations(title, find_places(title), lexicon) if m.type == "Enterprise"), None)
    if firm is None:
        return None
    return Mention("Enterprise", firm.name, reference.start(), reference.end(),
                   {**firm.attrs, "surface": firm.name, "from_title": True})
