"""A worker's job named between the employer and the name ("某钢铁有限公司焊接顾问艾爱国", "某制造厂数控车工洪家光"):
the job is the person's role at that organisation. Rolls of craftsmen and model workers name people so; a
job is read only where no role of the lexicon was (people.py reads those), and only when it ends as jobs do
(a trade's 工, a title's 技师 or 工程师, 顾问, 总监, 组长 …)."""
from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, SpanSet
from kg.extract.people import RoleHolding
from kg.extract.person_names import person_name_at
from kg.extract.tokenizer import dictionary_tag

MAX_JOB = 10  # characters of a job between the employer and the name
JOB = re.compile(r"[\u4e00-\u9fff0-9]{0,8}?(?:工|技师|工程师|设计师|美术师|顾问|总监|组长|班长|教师)")
JOB_CONFIDENCE = 0.6
# What follows a worker's name after the job: the clause's verb, a list's separator or its end
AFTER_A_WORKER = re.compile(r"[、，,。；;：:\s]|等|被|荣获|获|和|与|及|$")


def workers_after_jobs(text: str, organizations: list[Mention], known: list[Mention],
                       lexicon: Lexicon) -> list[Mention]:
    """People no finder knew, named after their employer and their job ("某博物馆高级文物修复工郭汉中被授予…")."""
    taken = SpanSet([m.span for m in organizations] + [m.span for m in known])
    found = []
    for organization in organizations:
        for job in reversed(_jobs_at(text, organization.end)):  # the longest job first ("总工程师", not "总工")
            if dictionary_tag(text[job - 1:job + 1]) is not None:
                continue  # the name would open inside a word ("总工|程师")
            end = person_name_at(text, job, lexicon)
            if end is not None and AFTER_A_WORKER.match(text, end) and not taken.overlaps(job, end):
                found.append(Mention("Person", text[job:end], job, end, {"listed": True}))
                taken.add(job, end)
                break
    return found


JOB_LAST_CHARACTERS = frozenset("工师问监长")  # the last characters of the jobs' endings
_NOT_IN_JOBS = re.compile(r"[^\u4e00-\u9fff0-9]")


def _jobs_at(text: str, start: int) -> list[int]:
    """Where a name may start after a job that starts at ``start`` (each way the job may end); a cheap look at
    the characters first, since most organisations are followed by no job."""
    window = text[start:start + MAX_JOB]
    stop = _NOT_IN_JOBS.search(window)
    if stop is not None:
        window = window[:stop.start()]
    return [start + length for length in range(2, len(window) + 1)
            if window[length - 1] in JOB_LAST_CHARACTERS and JOB.fullmatch(window, 0, length)]


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


# "林丽品，女，德化，某陶瓷艺术研究所，高级工艺美术师，高级技师。": a roll's line of a person's particulars, the
# name, the sex, then fields: where from, the employer, the person's titles
BIO_LINE = re.compile(r"(?:^|(?<=[\n。；;]))[ \t\u3000]*(?P<name>[\u4e00-\u9fff·]{2,5})[，,](?:[男女])[，,](?P<fields>[^\n。；;]{2,120})")
SEX_FIELD = re.compile(r"[，,][男女][，,]")  # (found first: few texts hold one, and BIO_LINE is tried only there)
MAX_NAME_BEFORE_SEX = 8
FIELD = re.compile(r"[^，,]+")
TITLE_ENDINGS = ("师", "员", "工", "能手", "工匠", "长", "主任")
MAX_TITLE = 16


def people_in_bio_lines(text: str, organizations: list[Mention], lexicon: Lexicon) -> tuple[list[Mention], list[RoleHolding]]:
    org_at = {(m.start, m.end): m for m in organizations}
    people, holdings = [], []
    for sex in SEX_FIELD.finditer(text):
        line = BIO_LINE.search(text, max(0, sex.start() - MAX_NAME_BEFORE_SEX), sex.end() + 120)
        if line is None or line.end("name") != sex.start():
            continue
        start = line.start("name")
        if person_name_at(text, start, lexicon) != line.end("name"):
            continue
        name = line.group("name")
        people.append(Mention("Person", name, start, line.end("name"), {"listed": True}))
        employer = None
        for field in FIELD.finditer(text, line.start("fields"), line.end("fields")):
            organization = org_at.get(field.span())
            if organization is not None:
                employer = organization
            elif employer is not None and len(field.group()) <= MAX_TITLE and field.group().endswith(TITLE_ENDINGS) \
                    and not field.group().endswith(lexicon.honour_suffixes):  # (an honour's name is no title)
                holdings.append(RoleHolding(name, field.group(), employer.name, start, field.end(), JOB_CONFIDENCE))
    return people, holdings
