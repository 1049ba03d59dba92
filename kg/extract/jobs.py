"""A worker's job named between the employer and the name ("某钢铁有限公司焊接顾问艾爱国", "某制造厂数控车工洪家光"):
the job is the person's role at that organisation. Rolls of craftsmen and model workers name people so; a
job is read only where no role of the lexicon was (people.py reads those), and only when it ends as jobs do
(a trade's 工, a title's 技师 or 工程师, 顾问, 总监, 组长 …)."""
from __future__ import annotations

import re

from kg.extract.mentions import Mention
from kg.extract.people import RoleHolding

MAX_JOB = 10  # characters of a job between the employer and the name
JOB = re.compile(r"[\u4e00-\u9fff0-9]{0,8}?(?:工|技师|工程师|设计师|美术师|顾问|总监|组长|班长|教师)")
JOB_CONFIDENCE = 0.6


def jobs_of_people(text: str, organizations: list[Mention], people: list[Mention],
                   holdings: list[RoleHolding]) -> list[RoleHolding]:
    org_ending_at = {m.end: m for m in organizations}
    held = {h.end for h in holdings}
    found = []
    for person in people:
        if person.end in held:
            continue  # a role of the lexicon already says what the person does
        for length in range(2, MAX_JOB + 1):
            organization = org_ending_at.get(person.start - length)
            if organization is None:
                continue
            job = text[organization.end:person.start]
            if JOB.fullmatch(job):
                found.append(RoleHolding(person.name, job, organization.name, organization.start, person.end,
                                         JOB_CONFIDENCE))
            break
    return found
