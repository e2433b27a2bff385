"""The demo notebook's journal (invented), part one: Maya's first two months of entries.

The last two months are in `pathfinder.demo_journal_recent`. Days are counted back from the
day the demo is built. People and conversations are named by the person's key in
`demo_people`, `demo_people_met` or `demo_conversations`, events by their exact name, and a
prompt by its exact text in `services.journal_texts`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoEntry:
    days_ago: int  # days before today, at least 1
    hour: int  # hour of the day it was written, 6 to 23
    title: str  # may be empty
    body: str  # Markdown
    tags: tuple[str, ...] = ()
    mood: int | None = None  # 1 to 5
    confidence: int | None = None  # 1 to 5
    shared: bool = False  # shared with the mentor
    prompt_set: str = ""  # a PromptSet key when started from a prompt set
    prompt: str = ""  # the exact text of one prompt of that set
    people: tuple[str, ...] = ()  # person keys
    conversation: str = ""  # the person key of one of the demo conversations
    event: str = ""  # the exact name of one of the demo events


EARLIER_ENTRIES: tuple[DemoEntry, ...] = (
    DemoEntry(
        123,
        21,
        "Starting this journal",
        "Ruth thinks I'll notice patterns sooner if I write something down after each step, "
        "so here goes.\n\n"
        "Where things stand, two months after I first admitted I want to leave teaching:\n\n"
        "- Two evenings a week on [the course](https://example.org/ux-course), with Lena as "
        "my study buddy\n"
        "- Learning Futures last week: I came home with a notebook full of ideas and two "
        "names\n"
        "- Joined the Education Research Network after their evening talk\n"
        "- Tom has put me in touch with Oliver, who designs courses at the bank\n\n"
        "I still can't say what job I want, only the kind of moment I want more of. "
        "Writing that down feels like a start.",
        tags=("reflection",),
        mood=3,
        confidence=2,
    ),
    DemoEntry(
        119,
        17,
        "",
        "Busier than it felt. Oliver said yes and we talk tomorrow, so tonight I "
        "wrote my questions, mostly about what an ordinary week of course writing looks "
        "like.\n\n"
        "I also asked Beatrice from Foxglove for half an hour. Her talk at the conference "
        "on research with children is the one I keep thinking about. She's busy, so it may be "
        "a while.\n\n"
        "What stayed with me most was Ruth handing me two books on interviewing and saying "
        '**"read the chapter on silence first"**. Apparently the hardest skill is to stop '
        "talking. That one will take practice.",
        tags=("weekly", "networking"),
        mood=3,
        confidence=2,
        prompt_set="weekly_review",
        prompt="Who did you talk to this week, and what stayed with you?",
    ),
    DemoEntry(
        118,
        21,
        "Oliver: not for me",
        "Doesn't fit me, and I'm oddly pleased to know it.\n\n"
        "Oliver was generous with his time. Most of his week goes on compliance courses "
        "(fraud, data protection, fire safety) with deadlines set by regulators, and he "
        "hardly ever meets the people who take them.\n\n"
        "Everything I'm trying to get away from was in that description: planning, without "
        "the people. What lit me up was the one project where he interviewed staff before "
        "writing anything. That's the bit I want, and it's research, not course writing.\n\n"
        "One hour saved me from a year down the wrong path. I'll mark learning design as "
        "**doesn't fit** once I've slept on it, and tell Tom how useful his introduction "
        "was.",
        tags=("interviews", "reflection"),
        mood=3,
        confidence=3,
        shared=True,
        prompt_set="after_conversation",
        prompt="Does this work fit you, not fit you, or is it too soon to tell?",
        people=("oliver", "tom"),
        conversation="oliver",
    ),
    DemoEntry(
        115,
        22,
        "Reading Ruth's books",
        "Halfway through the first of Ruth's books. Things I want to remember:\n\n"
        "1. Ask about the last time something happened, not what usually happens.\n"
        "2. Leave a pause after an answer; the useful part often comes next.\n"
        "3. Write down what people did, separately from what they said they did.\n\n"
        'The third one made me laugh. Every teacher knows the gap between *"I did my '
        'homework"* and the homework.',
        tags=("ux", "learning"),
    ),
    DemoEntry(
        112,
        22,
        "",
        "Parents' evening ran late and I sat in the car afterwards adding up my pension, "
        "which is never a good sign.\n\n"
        "Honestly, I still want the goal. What gets to me is the time: evenings on the "
        "course, weekends on reading, and nothing to show anyone yet. Priya took eleven "
        "months and nearly gave up twice, and I'm barely two months into asking people "
        "questions.\n\n"
        "So it's the pace, not the direction. I can live with slow. Going back to pretending "
        "I'm happy where I am would be harder.",
        tags=("doubts",),
        mood=2,
        confidence=2,
        prompt_set="doubting",
        prompt="Is this doubt about the goal itself, or about how long it's taking?",
    ),
    DemoEntry(
        110,
        19,
        "Priya's red pen",
        "Priya went through my CV tonight and crossed out half of it, kindly. Her rule: if "
        "someone outside a school wouldn't say it, neither should I.\n\n"
        "| Before | After |\n"
        "|---|---|\n"
        "| Differentiated lessons for mixed-ability groups | Adapted material for thirty "
        "people with different needs |\n"
        "| Led the Sparkwell pilot at KS3 | Co-ran a year-long trial of a learning platform "
        "with 12 teachers |\n"
        "| Used assessment data to inform planning | Turned feedback into changes, every "
        "week |\n\n"
        "It reads like someone I'd want to hire.",
        tags=("cv",),
        mood=3,
        confidence=3,
    ),
    DemoEntry(
        105,
        17,
        "Weekly review",
        "## This week\n\n"
        "Claire said yes to a chat about customer success, and it's booked for next week.\n\n"
        "## What I gave\n\n"
        "A note to Dev to congratulate him on becoming deputy head. It took two minutes and "
        "he replied within the hour.\n\n"
        "## What I learned\n\n"
        "Asking is easier when it's someone I've already worked with. I want to get as "
        "comfortable writing to strangers.\n\n"
        "## One step for next week\n\n"
        "Read up on Sparkwell's customer success team before talking to Claire.",
        tags=("weekly",),
        mood=3,
        confidence=3,
    ),
    DemoEntry(
        101,
        20,
        "Claire and customer success",
        "**Leaned in:** Claire spends her days talking to teachers, and every Friday she "
        "passes what they struggled with to the product team. That Friday report is the "
        "closest thing to research in her job, and she clearly loves it.\n\n"
        "**Winced:** renewal targets. She was honest that some months are about keeping "
        "schools signed up, and I pictured myself chasing a head of department for a "
        "decision.\n\n"
        "Still, it fits me better than I expected. It would be a realistic way into "
        "education technology, so it's my **plan B**, and it's good to have one. Thank-you "
        "note goes out in the next day or two.",
        tags=("interviews", "ux"),
        mood=4,
        confidence=3,
        shared=True,
        prompt_set="after_conversation",
        prompt="Which part of their work made you lean in, and which part made you wince?",
        people=("claire",),
        conversation="claire",
    ),
    DemoEntry(
        97,
        21,
        "Research by another name",
        "Rang Anna tonight to say thank you for helping Jonah with his trip, and we ended up "
        "talking for forty minutes.\n\n"
        "Her team at the science centre watches visitors try every new exhibit before it "
        "opens. They take notes on where people stop, what they touch first and what they "
        "skip. She calls it evaluation. It sounds a lot like Beatrice's talk at the "
        "conference.\n\n"
        "I keep meeting people who do research without calling it that. Maybe I've been "
        "doing a small version of it in my lab for years.",
        tags=("ux", "reflection"),
    ),
    DemoEntry(
        96,
        22,
        "Beatrice: not sure, and that's fine",
        "What no advert would tell me: at a consultancy you rarely find out what happened "
        "next. Beatrice runs four to six projects a year for different clients, hands over "
        "a report and moves on. Lots of variety, lots of learning, and very little of "
        "**watching a product grow**.\n\n"
        "She also said people think research is mostly surveys, when hers is mostly sitting "
        "beside someone and watching. I liked that a lot.\n\n"
        "I honestly can't tell yet whether I'd miss the follow-through, so I'm calling it "
        "*not sure*. Next step: ask Sam what he'd miss if he moved somewhere with its own "
        "product.",
        tags=("interviews", "ux"),
        mood=3,
        confidence=3,
        prompt_set="after_conversation",
        prompt="What did you learn today that no job advert would have told you?",
        people=("beatrice", "sam"),
        conversation="beatrice",
    ),
    DemoEntry(
        91,
        18,
        "",
        "How much research goes on without anyone calling it research.\n\n"
        "- Aisha told me Openfield tries out every new question type with real classes "
        "before it goes live.\n"
        "- Anna's team watches visitors with each new exhibit.\n"
        "- Beatrice does it for a living and says it's mostly watching.\n\n"
        "Three conversations this month (goal: 2). The pattern is getting clearer: I keep "
        "leaning towards the watching and asking, not the selling or the course writing.\n\n"
        "Coffee with Ruth in a few days. I want to take her a clearer answer than "
        '"something in edtech".',
        tags=("weekly", "reflection"),
        mood=3,
        confidence=3,
        shared=True,
        prompt_set="weekly_review",
        prompt="What surprised you this week?",
    ),
    DemoEntry(
        88,
        21,
        "Name the job",
        "Coffee with Ruth. I talked for ten minutes about the field, and she asked one "
        'question: **"What would you be doing on a Tuesday afternoon?"**\n\n'
        "I didn't have an answer. \"Working in education technology\" isn't a Tuesday "
        "afternoon.\n\n"
        "When I thought about it, the honest picture was a classroom, a teacher trying a new "
        "tool, and me at the back taking notes, then later working out what to change. "
        "Ruth said that's a research job and I should say so.\n\n"
        "Homework: rewrite my why so a stranger could picture the job.",
        tags=("mentor", "why"),
        mood=3,
        confidence=3,
        people=("ruth",),
    ),
    DemoEntry(
        87,
        20,
        "Rewriting my why",
        "The old version said *\"something in education technology, I don't know what "
        "yet\"*. That was true three months ago. It isn't now.\n\n"
        "What I'd change:\n\n"
        "- Name the job: a **research role** in education technology.\n"
        "- Say what it's for: finding out how teachers and students really use the tools.\n"
        "- Give the evidence: the Sparkwell pilot was the best part of my year, and "
        "interviewing colleagues about what confused them was more fun than planning "
        "lessons.\n\n"
        "Ruling out learning design helped more than I expected. Knowing what I don't want "
        "made the rest easier to write. New version saved.",
        tags=("why", "reflection"),
        mood=4,
        confidence=3,
        shared=True,
        prompt_set="revisit_why",
        prompt="If you wrote your why again today, what would you change?",
    ),
    DemoEntry(
        80,
        22,
        "",
        "Lena got the junior researcher job at Tessellate Bank. I'm thrilled for her and "
        "sent flowers, and then I sat on the stairs feeling left behind.\n\n"
        "What's worrying me: we started the course together, and she now has the title and "
        "I have a spreadsheet of people to email.\n\n"
        "Fairer version: she's been at this for two years, not three months. Her news also "
        "shows that people like us do get hired. I've added research operations to my list "
        "of roles after Segun's reading list, so I'm still moving, only more slowly than "
        "I'd like.",
        tags=("doubts",),
        mood=3,
        confidence=2,
        prompt_set="doubting",
        prompt="What exactly is worrying you today?",
        people=("lena",),
    ),
    DemoEntry(
        77,
        17,
        "Weekly review",
        "## This week\n\n"
        "Lena's news, a wobble, and Segun's reading list for newcomers, which I've started.\n\n"
        "## What I learned\n\n"
        "Research operations is a real job: someone has to find the teachers, sort out "
        "consent and keep the findings where people can find them.\n\n"
        "## One step for next week\n\n"
        "Go to the EdTech Research Meetup in two days and **talk to two people** I don't "
        "know. Not ten. Two.",
        tags=("weekly", "events"),
        mood=3,
        confidence=3,
    ),
    DemoEntry(
        76,
        21,
        "Before the meetup",
        "Meetup tomorrow at Sparkwell's office, and my stomach already knows about it.\n\n"
        "My two sentences, practised on the cat:\n\n"
        "> I teach chemistry, and this year I co-ran our school's trial of Sparkwell's "
        "platform. I'm moving into UX research, and I'm here to learn how teams find "
        "teachers for their studies.\n\n"
        "The second sentence gives people something to ask about, which takes the pressure "
        "off me. Tomasz is speaking about exactly that, so I have a question ready for "
        "afterwards.\n\n"
        "I'll leave at nine whatever happens.",
        tags=("nerves", "events"),
        mood=2,
        confidence=2,
        prompt_set="before_event",
        prompt="Write the two sentences you'll say when someone asks what you do.",
        event="EdTech Research Meetup",
    ),
    DemoEntry(
        75,
        22,
        "The meetup",
        "I went, I talked, I stayed until half nine.\n\n"
        "- **Tomasz** gave the talk on finding teachers for studies. I asked about after-"
        "school sessions and he wrote down my name.\n"
        "- **Charlotte** taught English for six years before moving into design. We swapped "
        "numbers.\n"
        "- **Farah** ran product for a revision app before moving into health technology, "
        "and she works a floor above Ben. Small world.\n\n"
        "About forty people were there, and at least five had come from teaching. I said my "
        "two sentences three times, and by the third they sounded like mine.",
        tags=("networking", "events", "wins"),
        mood=4,
        confidence=3,
        shared=True,
        people=("tomasz", "charlotte", "farah"),
        event="EdTech Research Meetup",
    ),
    DemoEntry(
        64,
        19,
        "Mock interview with Aunt Maureen",
        "Aunt Maureen gave me a proper mock interview, twenty years of HR in one raised "
        "eyebrow. Her verdict: my answers are sensible and **have no examples in them**.\n\n"
        "Stories I'll keep ready from now on:\n\n"
        "| Question | My example |\n"
        "|---|---|\n"
        "| Tell me about some research you've done | The pilot survey of 12 teachers |\n"
        "| When did findings change a plan? | The login screen we got Sparkwell to fix |\n"
        "| How do you handle a difficult person? | Year 10 on a Friday, period 6 |\n\n"
        "Humbling, but better in her kitchen than in a real interview.",
        tags=("interviews", "cv"),
        mood=3,
        confidence=2,
    ),
    DemoEntry(
        63,
        20,
        "",
        "Honestly? About half a tank. Marking week, and Maureen's feedback is still "
        "stinging a little.\n\n"
        "But the conversation I've waited over a month for is **tomorrow**: Nadia at Pebble & "
        "Slate. I've read her forum answers twice and written my questions tonight, "
        "including the one I most want answered: how do you run a session with a "
        "seven-year-old who goes quiet?\n\n"
        "Plan for the week: the call with Nadia, the thank-you note within two days, and an "
        "early night on Friday. Nothing else.",
        tags=("weekly",),
        mood=3,
        confidence=3,
        prompt_set="weekly_review",
        prompt="How much energy do you have for next week, honestly?",
    ),
    DemoEntry(
        62,
        21,
        "This is the job",
        "## Nadia\n\n"
        "Two days a week in schools watching children use the reading app, and the rest "
        'making sense of it with the designers. *"Half my week is talking to people, half '
        'is making sense of it."* I wrote that on a sticky note and put it on my laptop.\n\n'
        "**Fits me.** Completely.\n\n"
        "## Who next\n\n"
        "Her lead, **Elliot Osei**, who hires people from other fields on purpose. She "
        "offered to introduce us.\n\n"
        "She also said a small real study would count for more than another course. Worth "
        "thinking about.",
        tags=("interviews", "ux", "wins"),
        mood=5,
        confidence=4,
        shared=True,
        prompt_set="after_conversation",
        prompt="Who did they suggest you talk to next?",
        people=("nadia",),
        conversation="nadia",
    ),
)
