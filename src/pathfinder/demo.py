"""The demo notebook: Maya Brennan, a chemistry teacher becoming a UX researcher.

`pathfinder --demo` builds it in a throwaway folder so a newcomer sees every
section filled. Everything goes through the services, is fixed (no randomness),
and is dated relative to `today`, so the demo never looks stale. The people,
organisations and stories are invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from pathfinder.services import followups, goals, interactions, organisations, people, roles
from pathfinder.services.why import save_why
from pathfinder.store.database import write_transaction
from pathfinder.store.models import Contact, Goal, Organisation, TargetRole, WhyVersion


class NotebookNotEmpty(RuntimeError):
    """The demo only goes into an empty notebook, never on top of someone's own data."""


@dataclass(frozen=True)
class _Person:
    key: str
    name: str
    added: int  # days before today
    level: int
    source: str
    organisation: str = ""
    title: str = ""
    relationship: str = "other"
    hiring_power: bool = False
    target_field: bool = False
    cadence_days: int | None = None
    tags: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    location: str = ""
    notes: str = ""
    introduced_by: str = ""  # the key of whoever introduced them, when added that way


_WHYS = (
    (
        172,
        "Nine years teaching chemistry at secondary school, the last four at Northfield Academy.",
        "Something in education technology. I don't know what yet.",
        "I'm tired, and I miss learning new things myself. The best moments of my week are "
        "when a student finally sees how something works.",
    ),
    (
        87,
        "Nine years teaching chemistry, and a year helping run Northfield's trial of the "
        "Sparkwell learning platform.",
        "A research role in education technology: finding out how teachers and students "
        "really use the tools.",
        "The pilot was the best part of my year. Interviewing colleagues about what confused "
        "them was more fun than planning lessons.",
    ),
    (
        9,
        "Nine years teaching secondary-school chemistry; a year co-running the Sparkwell "
        "pilot at Northfield; an evening course in UX research.",
        "A UX researcher at an education technology company, spending time with teachers "
        "and students every week.",
        "I'm good at watching how people learn, and the pilot showed me I love asking "
        "questions and turning the answers into changes. I want my work to reach more "
        "classrooms than my own.",
    ),
)

# title, industry, days ago added, status then, [(days ago, new status, notes)]
_ROLES: tuple[tuple[str, str, int, str, str, tuple[tuple[int, str, str], ...]], ...] = (
    (
        "UX researcher",
        "Education technology",
        170,
        "exploring",
        "The one I keep coming back to.",
        (
            (
                62,
                "talking",
                "Four informational interviews so far; Nadia's week sounded exactly right. "
                "Next: ask Elliot what a junior role looks like in practice.",
            ),
        ),
    ),
    (
        "Product manager",
        "Health technology",
        150,
        "exploring",
        "Ben makes it sound interesting, but it's a long way from classrooms. One more "
        "conversation before I decide.",
        (),
    ),
    (
        "Learning designer",
        "Corporate training",
        140,
        "exploring",
        "",
        (
            (
                117,
                "doesnt_fit",
                "Oliver's days are mostly compliance courses written against tight deadlines: "
                "lesson planning for adults, without the classroom. A useful finding, and an "
                "hour well spent: it's the research I'm after, not writing courses.",
            ),
        ),
    ),
    (
        "Customer success manager",
        "Education technology",
        135,
        "exploring",
        "",
        (
            (
                99,
                "fits",
                "Claire talks to teachers all day, which I'd enjoy. The renewal targets worry "
                "me a little, but it's a realistic way in. My plan B.",
            ),
        ),
    ),
    (
        "Research operations coordinator",
        "Education technology",
        80,
        "exploring",
        "Segun's team finds the teachers and pupils for every study. Ask him what the work "
        "is like day to day.",
        (),
    ),
)

# title, kind, target number, due in days from today, notes
_GOALS: tuple[tuple[str, str, int | None, int, str], ...] = (
    (
        "Find a mentor in UX research",
        "mentor",
        1,
        40,
        "Someone who does the job, not only someone who cheers me on.",
    ),
    (
        "Ten informational interviews",
        "industry",
        10,
        75,
        "About two a month: evenings, video calls, or a coffee near the station.",
    ),
    (
        "Land a UX research role in education technology",
        "job",
        None,
        290,
        "Ideally starting before the next school year.",
    ),
)

# name, industry, target organisation, notes
_ORGANISATIONS: tuple[tuple[str, str, bool, str], ...] = (
    ("Northfield Academy", "Secondary education", False, "Where I teach now."),
    ("Brookside High School", "Secondary education", False, "My first school, five years."),
    (
        "Sparkwell Learning",
        "Education technology",
        True,
        "Makes the learning platform we piloted. Small research team, growing.",
    ),
    (
        "Pebble & Slate",
        "Education technology",
        True,
        "Reading apps for primary schools. Researchers visit classrooms every month.",
    ),
    (
        "Openfield Assessment",
        "Education technology",
        True,
        "Online assessment for secondary schools; tests new question types with teachers.",
    ),
    ("Harbour City University", "Higher education", False, "Where I trained to teach."),
    ("Foxglove Research", "UX research consultancy", False, ""),
    ("Tessellate Bank", "Financial services", False, ""),
    ("Marrow Health Digital", "Health technology", False, ""),
    ("Westmoor Science Centre", "Museums and learning", False, ""),
    ("Brightpath Talent", "Recruitment", False, "Recruits for education technology firms."),
)

_PEOPLE: tuple[_Person, ...] = (
    _Person(
        "tom",
        "Tom Brennan",
        180,
        1,
        "friend_family",
        "Tessellate Bank",
        "Software engineer",
        cadence_days=30,
        tags=("family",),
        phone="07700 900113",
        location="Leeds",
    ),
    _Person(
        "maureen",
        "Maureen Brennan",
        180,
        1,
        "friend_family",
        cadence_days=91,
        tags=("family", "references"),
        notes="Aunt Maureen. Ran HR at a hospital trust for twenty years, now retired.\n\n"
        "- Brilliant at CVs and mock interviews\n"
        "- Will tell me the truth, kindly",
    ),
    _Person(
        "helen",
        "Helen Achterberg",
        179,
        1,
        "current_coworker",
        "Northfield Academy",
        "Head of science",
        tags=("references",),
        email="h.achterberg@example.org",
        notes="Knows about the move and is happy to be a **reference**. Don't make her find "
        "out about an interview from someone else.",
    ),
    _Person(
        "priya",
        "Priya Shah",
        178,
        1,
        "former_coworker",
        "Brookside High School",
        "Biology teacher",
        relationship="peer",
        cadence_days=30,
        tags=("career changer", "edtech"),
        email="priya.shah@example.com",
        phone="07700 900482",
        location="Manchester",
        notes="Taught biology next door to me at Brookside for four years.\n\n"
        "## What she told me about switching\n"
        "1. A small portfolio beats a long CV.\n"
        "2. Say *researcher* in the first line, not *teacher*.\n"
        "3. It took her eleven months, and she nearly gave up twice.",
    ),
    _Person(
        "sam",
        "Sam Whitaker",
        177,
        1,
        "classmate",
        "Foxglove Research",
        "UX designer",
        relationship="peer",
        target_field=True,
        cadence_days=30,
        tags=("UX research",),
        location="Bristol",
    ),
    _Person(
        "aisha",
        "Aisha Rahman",
        176,
        2,
        "former_coworker",
        "Brookside High School",
        "Physics teacher",
        target_field=True,
        cadence_days=91,
        tags=("edtech",),
        email="aisha.rahman@example.net",
    ),
    _Person(
        "dev",
        "Dev Malhotra",
        175,
        2,
        "former_coworker",
        "Brookside High School",
        "Head of Year 9",
        hiring_power=True,
        cadence_days=182,
    ),
    _Person(
        "marcus",
        "Marcus Feld",
        174,
        2,
        "current_coworker",
        "Northfield Academy",
        "IT lead",
        tags=("pilot",),
    ),
    _Person(
        "claire",
        "Claire Dubois",
        172,
        2,
        "collaborator",
        "Sparkwell Learning",
        "Customer success manager",
        target_field=True,
        cadence_days=91,
        tags=("pilot", "edtech"),
        email="claire.dubois@example.com",
    ),
    _Person(
        "jonah",
        "Jonah Price",
        170,
        2,
        "classmate",
        "Brookside High School",
        "Chemistry teacher",
        relationship="peer",
        cadence_days=91,
    ),
    _Person(
        "anna",
        "Anna Fischer",
        169,
        2,
        "collaborator",
        "Westmoor Science Centre",
        "Learning and engagement manager",
        cadence_days=91,
        notes="We ran the Year 8 materials workshops together in 2019.",
    ),
    _Person(
        "ruth",
        "Ruth Adeyemi",
        165,
        2,
        "professor",
        "Harbour City University",
        "Senior lecturer in education",
        relationship="mentor",
        cadence_days=30,
        tags=("mentor",),
        email="r.adeyemi@example.ac.uk",
        notes="My tutor on the teacher-training year, now an informal **mentor**.\n\n"
        "- We meet for coffee near campus about once a month\n"
        "- She suggested reading about *diary studies* and *contextual inquiry*\n"
        "- Ask about the learning sciences reading group",
    ),
    _Person(
        "ben",
        "Ben Harker",
        160,
        2,
        "friend_family",
        "Marrow Health Digital",
        "Product manager",
        location="Leeds",
    ),
    _Person(
        "imogen",
        "Imogen Hale",
        150,
        2,
        "current_coworker",
        "Northfield Academy",
        "School librarian",
    ),
    _Person(
        "lena",
        "Lena Kowalski",
        145,
        2,
        "classmate",
        "Westmoor Science Centre",
        "Visitor experience lead",
        relationship="peer",
        target_field=True,
        cadence_days=14,
        tags=("career changer", "study buddy", "UX research"),
        phone="07700 900731",
        notes="On the evening UX research course with me. We practise interviews on each "
        "other on Sunday evenings.",
    ),
    _Person(
        "harriet",
        "Harriet Cole",
        130,
        3,
        "event",
        "Openfield Assessment",
        "Head of product",
        relationship="hiring_manager",
        hiring_power=True,
        target_field=True,
        tags=("edtech",),
        notes="Gave the talk on assessment design at Learning Futures. Aisha knows her well.\n\n"
        "**Before we talk:** read Openfield's blog post on teacher feedback loops.",
    ),
    _Person(
        "beatrice",
        "Beatrice Lam",
        130,
        3,
        "event",
        "Foxglove Research",
        "Senior UX researcher",
        target_field=True,
        tags=("UX research",),
    ),
    _Person(
        "segun",
        "Segun Bello",
        129,
        2,
        "association",
        "Sparkwell Learning",
        "Research operations manager",
        hiring_power=True,
        target_field=True,
        tags=("UX research", "edtech"),
        notes="Met through the Education Research Network. Runs research operations at "
        "Sparkwell: recruiting participants, consent, the research library.",
    ),
    _Person(
        "oliver",
        "Oliver Grant",
        125,
        3,
        "introduction",
        "Tessellate Bank",
        "Learning designer",
        introduced_by="tom",
    ),
    _Person(
        "nadia",
        "Nadia Petrov",
        100,
        2,
        "online",
        "Pebble & Slate",
        "UX researcher",
        relationship="peer",
        target_field=True,
        cadence_days=30,
        tags=("UX research", "edtech"),
        email="nadia.petrov@example.com",
        notes="Found her through a forum thread on research with young children.\n\n"
        "> Half my week is talking to people, half is making sense of it.\n\n"
        "Generous with her templates; send her something useful back.",
    ),
    _Person(
        "sofia",
        "Sofia Marquez",
        90,
        3,
        "online",
        "Marrow Health Digital",
        "UX researcher",
        relationship="peer",
        target_field=True,
        tags=("career changer",),
    ),
    _Person(
        "tomasz",
        "Tomasz Nowak",
        75,
        3,
        "event",
        "Sparkwell Learning",
        "UX researcher",
        target_field=True,
        tags=("meetup", "UX research"),
    ),
    _Person(
        "charlotte",
        "Charlotte Byrne",
        75,
        3,
        "event",
        "Pebble & Slate",
        "UX designer",
        relationship="peer",
        target_field=True,
        cadence_days=91,
        tags=("meetup", "career changer"),
    ),
    _Person(
        "elliot",
        "Elliot Osei",
        59,
        3,
        "introduction",
        "Pebble & Slate",
        "UX research lead",
        relationship="hiring_manager",
        hiring_power=True,
        target_field=True,
        tags=("UX research", "edtech"),
        email="elliot.osei@example.com",
        notes="Nadia's lead. Hires researchers from other fields on purpose: he says "
        "teachers already know how to watch a room.",
        introduced_by="nadia",
    ),
    _Person(
        "kwame",
        "Kwame Asante",
        50,
        3,
        "online",
        "Brightpath Talent",
        "Recruiter",
        relationship="recruiter",
        cadence_days=30,
        email="kwame.asante@example.net",
    ),
    _Person(
        "gareth",
        "Gareth Evans",
        40,
        3,
        "online",
        "Foxglove Research",
        "Head of research",
        relationship="hiring_manager",
        hiring_power=True,
        target_field=True,
        tags=("UX research",),
    ),
    _Person(
        "patrick",
        "Patrick Doyle",
        30,
        3,
        "introduction",
        "Sparkwell Learning",
        "Director of product research",
        relationship="hiring_manager",
        hiring_power=True,
        target_field=True,
        tags=("edtech",),
    ),
    _Person(
        "mei",
        "Mei Lin Tan",
        27,
        3,
        "event",
        "Harbour City University",
        "PhD researcher",
        relationship="peer",
        notes="Studies how teachers use tablets in science lessons. Met her at the reading "
        "group Ruth suggested.",
    ),
    _Person(
        "ingrid",
        "Ingrid Solberg",
        12,
        3,
        "association",
        "Harbour City University",
        "Learning scientist",
    ),
    _Person(
        "yusuf",
        "Yusuf Karim",
        12,
        3,
        "association",
        "Openfield Assessment",
        "Product researcher",
        target_field=True,
    ),
)

# Job moves the person learned about: key, days ago, organisation, title.
_MOVES = (
    ("aisha", 140, "Openfield Assessment", "Assessment content lead"),
    ("priya", 150, "Sparkwell Learning", "Learning experience designer"),
    ("dev", 105, "Brookside High School", "Deputy headteacher"),
    ("lena", 80, "Tessellate Bank", "Junior UX researcher"),
)

# Introductions recorded on people already in the notebook: introducer, person, days ago.
_INTRODUCTIONS = (
    ("claire", "patrick", 30),
    ("aisha", "harriet", 20),
)

# key, days ago, kind, summary
_INTERACTIONS: tuple[tuple[str, int, str, str], ...] = (
    ("tom", 176, "call", "Told Tom I'm thinking of leaving teaching. He asked good questions."),
    ("helen", 165, "coffee", "Told Helen my plans. She was kind and offered to be a reference."),
    (
        "maureen",
        168,
        "received",
        "Aunt Maureen went through my CV line by line: lead with the pilot, not exam results.",
    ),
    ("priya", 150, "coffee", "Priya told me how she got from Brookside to Sparkwell."),
    ("priya", 110, "received", "Priya read my CV and cut the teaching jargon."),
    ("priya", 70, "gave", "Sent Priya a card to celebrate her first course launch."),
    ("priya", 15, "message", "Asked whether Sparkwell's research team hires people from teaching."),
    ("sam", 160, "video call", "Sam showed me what a week of UX work looks like at Foxglove."),
    ("sam", 52, "message", "Sam is moving house; we'll catch up after."),
    ("aisha", 140, "gave", "Congratulated Aisha on her new job at Openfield."),
    ("aisha", 92, "coffee", "How Openfield tries out new question types with schools."),
    ("aisha", 20, "introduction", "Aisha introduced me to Harriet Cole, their head of product."),
    ("dev", 105, "gave", "Congratulated Dev on becoming deputy head."),
    (
        "marcus",
        171,
        "coffee",
        "Marcus showed me the pilot's usage data; fine for my portfolio with names removed.",
    ),
    ("marcus", 100, "gave", "Wrote up teachers' pilot feedback for Marcus's report to governors."),
    (
        "claire",
        101,
        "informational interview",
        "Customer success: talking to teachers all day. The targets would wear on me, "
        "but it's a real way in.",
    ),
    ("claire", 99, "thank-you", "Thank-you email to Claire."),
    ("claire", 30, "introduction", "Claire introduced me to Patrick Doyle by email."),
    (
        "jonah",
        98,
        "gave",
        "Put Jonah in touch with Anna for his Year 8 trip to the science centre.",
    ),
    (
        "anna",
        97,
        "call",
        "Anna's team watches visitors use every new exhibit. Research by another name.",
    ),
    (
        "ruth",
        158,
        "coffee",
        "Wrote to Dr Adeyemi; over coffee she agreed to meet every month or so.",
    ),
    ("ruth", 120, "received", "Ruth lent me two books on qualitative interviewing."),
    ("ruth", 88, "coffee", "Talked through my why. She pushed me to name a job, not just a field."),
    ("ruth", 27, "coffee", "Ruth suggested helping with a small study at the university."),
    ("ruth", 3, "coffee", "Shared the Pebble & Slate news. She thinks I'm ready to apply."),
    ("ben", 150, "coffee", "Coffee with Ben next door: what a health-tech product manager does."),
    ("imogen", 143, "gave", "Lent Imogen my demonstration videos for the library's science week."),
    ("imogen", 66, "received", "Imogen found me three research-methods books through the library."),
    ("lena", 140, "video call", "Study session: we wrote our first interview guides."),
    ("lena", 80, "message", "Lena got the junior researcher job at Tessellate Bank! Sent flowers."),
    ("lena", 33, "video call", "Lena talked me through her first month as a researcher."),
    ("lena", 8, "gave", "Sent Lena an article on remote diary studies she'd asked about."),
    ("harriet", 130, "event", "Heard Harriet speak at Learning Futures; said hello afterwards."),
    ("harriet", 18, "email", "Harriet is glad to talk and asked me to suggest some times."),
    ("beatrice", 130, "event", "Talked research with children at Learning Futures."),
    (
        "beatrice",
        96,
        "informational interview",
        "Consultancy means many clients and short projects. Exciting, but I'd miss "
        "watching a product grow.",
    ),
    ("beatrice", 95, "thank-you", "Thank-you note with the observation article she mentioned."),
    ("segun", 128, "event", "Sat next to Segun at the research network's evening talk."),
    ("segun", 85, "message", "Segun shared the network's reading list for newcomers."),
    ("tom", 125, "introduction", "Tom put me in touch with Oliver from the bank's learning team."),
    (
        "oliver",
        118,
        "informational interview",
        "Corporate learning design: mostly compliance courses on tight deadlines. Not for me.",
    ),
    ("oliver", 117, "thank-you", "Thanked Oliver; he was generous with his time."),
    ("tom", 21, "call", "Birthday call. Tom asked how the interviews are going."),
    ("nadia", 100, "message", "Replied to Nadia's forum post about research with young children."),
    (
        "nadia",
        62,
        "informational interview",
        "Half her week is interviews, half is making sense of them. This is the job I want.",
    ),
    ("nadia", 61, "thank-you", "Thank-you note to Nadia."),
    ("nadia", 59, "introduction", "Nadia introduced me to her lead, Elliot Osei."),
    ("nadia", 22, "received", "Nadia sent me her interview guide template."),
    ("sofia", 90, "message", "Sofia moved from nursing to UX research; we swapped stories."),
    ("sofia", 55, "gave", "Gave Sofia feedback on her portfolio case study."),
    ("sofia", 34, "received", "Sofia recommended a short course on survey design."),
    ("tomasz", 75, "event", "Met Tomasz at the EdTech Research Meetup after his talk."),
    (
        "tomasz",
        2,
        "informational interview",
        "Research at Sparkwell: teachers' time is the hardest thing to recruit.",
    ),
    ("charlotte", 47, "coffee", "Charlotte taught too; she changed careers in two years."),
    (
        "elliot",
        44,
        "informational interview",
        "What Elliot looks for when hiring researchers from other fields.",
    ),
    ("elliot", 43, "thank-you", "Thank-you email with a link to my course project."),
    ("elliot", 10, "email", "Elliot mentioned a junior researcher opening in the new year."),
    ("maureen", 64, "received", "Mock interview with Aunt Maureen: my answers need examples."),
    ("kwame", 50, "call", "Kwame recruits for edtech firms; he'd like a portfolio with my CV."),
    (
        "gareth",
        40,
        "message",
        "Commented on Gareth's post about hiring researchers from outside tech.",
    ),
    ("patrick", 26, "video call", "Sparkwell isn't hiring researchers now; try again in spring."),
    ("mei", 24, "video call", "Mei Lin's study needs schools; I could help her find some."),
    ("mei", 14, "gave", "Put Mei Lin in touch with Helen about visiting Northfield for her study."),
    ("ingrid", 12, "event", "Asked Ingrid a question after her webinar on classroom studies."),
    ("yusuf", 12, "event", "Shared a breakout room with Yusuf at the research network webinar."),
    ("yusuf", 6, "message", "Yusuf accepted my connection request; happy to chat in January."),
)

# key, due in days from today (negative: overdue), reason, days ago written, days ago done
_FOLLOW_UPS: tuple[tuple[str, int, str, int, int | None], ...] = (
    ("priya", -108, "Send Priya my CV draft.", 150, 109),
    ("claire", -29, "Thank Claire for introducing me to Patrick.", 30, 28),
    ("sam", -6, "Catch up once he has moved; ask to see Foxglove's research library.", 52, None),
    ("kwame", -3, "Send Kwame my CV with the portfolio link.", 50, None),
    ("harriet", -1, "Reply to Harriet with three times for a 30-minute call.", 18, None),
    ("tomasz", 0, "Thank-you note for the informational interview.", 2, None),
    ("lena", 0, "Swap CV feedback with Lena.", 8, None),
    ("elliot", 5, "Send Elliot the survey write-up he asked to see.", 10, None),
    ("patrick", 12, "Send Patrick the pilot write-up once Marcus has cleared it.", 26, None),
    ("ingrid", 20, "Ask Ingrid about volunteering for the network's teacher panel.", 12, None),
)


def build_demo_notebook(today: date) -> None:
    """Fill the open, empty notebook with Maya's six months of career-change work.

    One transaction: the demo is there whole or not at all. Raises
    NotebookNotEmpty rather than mixing the demo into anyone's own notes.
    """
    if any(
        model.select().exists() for model in (WhyVersion, TargetRole, Goal, Organisation, Contact)
    ):
        raise NotebookNotEmpty("The demo notebook is only built into an empty notebook.")

    def at(days_ago: int, hour: int = 20, minute: int = 0) -> datetime:
        return datetime.combine(today - timedelta(days=days_ago), time(hour, minute))

    with write_transaction():
        for days_ago, coming_from, going_to, reason in _WHYS:
            save_why(coming_from, going_to, reason, now=at(days_ago, 21, 10))

        for title, industry, role_added, status, notes, changes in _ROLES:
            role = roles.add_role(title, industry, status, notes, now=at(role_added, 21, 30))
            for days_ago, new_status, new_notes in changes:
                roles.update_role(role.id, now=at(days_ago, 21), status=new_status, notes=new_notes)

        for title, kind, number, due_in, notes in _GOALS:
            goals.add_goal(
                title,
                kind,
                number,
                today + timedelta(days=due_in),
                notes,
                now=at(170, 21, 45),
            )

        ids: dict[str, int] = {}
        for person in sorted(_PEOPLE, key=lambda p: -p.added):
            extra: dict[str, object] = {}
            if person.introduced_by:
                extra["introduced_by_id"] = ids[person.introduced_by]
                extra["introduced_on"] = today - timedelta(days=person.added)
            added_person = people.add_person(
                person.name,
                now=at(person.added, 19, 45),
                organisation=person.organisation,
                tags=person.tags,
                title=person.title,
                level=person.level,
                source=person.source,
                relationship=person.relationship,
                hiring_power=person.hiring_power,
                target_field=person.target_field,
                cadence_days=person.cadence_days,
                email=person.email,
                phone=person.phone,
                location=person.location,
                notes=person.notes,
                **extra,
            )
            ids[person.key] = added_person.id

        for name, industry, is_target, notes in _ORGANISATIONS:
            organisation_id = organisations.find_or_create_organisation(name, now=at(180))
            assert organisation_id is not None
            organisations.update_organisation(
                organisation_id, now=at(170), industry=industry, is_target=is_target, notes=notes
            )

        for key, days_ago, organisation, title in _MOVES:
            people.update_person(
                ids[key], now=at(days_ago, 20, 30), organisation=organisation, title=title
            )

        for introducer, person_key, days_ago in _INTRODUCTIONS:
            interactions.introduce(
                ids[introducer], ids[person_key], on=today - timedelta(days=days_ago)
            )

        kinds = {kind.name: kind.id for kind in interactions.kinds()}
        for key, days_ago, kind, summary in sorted(_INTERACTIONS, key=lambda row: -row[1]):
            day = today - timedelta(days=days_ago)
            interactions.log_interaction(
                ids[key],
                kinds[kind],
                on=day,
                summary=summary,
                now=datetime.combine(day, time(21, 15)),
            )

        for key, due_in, reason, written, done in _FOLLOW_UPS:
            record = followups.add_follow_up(
                ids[key], today + timedelta(days=due_in), reason, now=at(written, 21, 20)
            )
            if done is not None:
                followups.mark_done(record.id, today - timedelta(days=done))
