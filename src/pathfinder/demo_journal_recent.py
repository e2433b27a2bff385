"""The demo notebook's journal (invented), part two: the last two months, up to yesterday.

The first two months and what an entry holds (`DemoEntry`) are in `pathfinder.demo_journal`.
"""

from __future__ import annotations

from pathfinder.demo_journal import DemoEntry

RECENT_ENTRIES: tuple[DemoEntry, ...] = (
    DemoEntry(
        59,
        7,
        "An introduction",
        "Nadia's email introducing me to Elliot arrived overnight. Read it twice over "
        "breakfast before school.\n\n"
        "She described me as *\"a teacher who already does research, she just doesn't call "
        'it that yet"*, which is the nicest thing anyone has written about me in a while.\n\n'
        "Plan: read his post on asking pupils for feedback, then write to him at the weekend "
        "with two times that work. Keep it short.",
        tags=("networking", "wins"),
        mood=4,
        confidence=4,
    ),
    DemoEntry(
        56,
        22,
        "",
        "Exhausted. Thirty reports still to write, and I caught myself wondering whether I "
        "could just stop all this and be a perfectly decent chemistry teacher.\n\n"
        "What I'd miss if I stopped now:\n\n"
        "- The feeling after Nadia's call, walking round the block grinning\n"
        "- Sunday evenings practising interviews with Lena\n"
        "- Learning something new every single week, which is what I said I missed in the "
        "first place\n\n"
        "That settles it for tonight. Reports first, then bed.",
        tags=("doubts",),
        mood=2,
        confidence=3,
        prompt_set="doubting",
        prompt="What would you miss if you stopped now?",
    ),
    DemoEntry(
        50,
        21,
        "",
        "Kwame, a recruiter for education technology companies, was friendly and very "
        "direct: with a CV alone he can't put me forward. He wants a **portfolio**, with at "
        "least one piece of research someone could read.\n\n"
        "Not what I hoped to hear after a good fortnight. It's the same thing Priya said at "
        "the start, though, and Nadia more recently, so I can't call it news.\n\n"
        "What I found out is what's missing, and it's something I can make. The pilot data "
        "is sitting there; Marcus already said I can use it with names removed.",
        tags=("setbacks", "portfolio"),
        mood=2,
        confidence=2,
        prompt_set="after_bummer",
        prompt="What did you find out, even if it wasn't what you hoped to hear?",
        people=("kwame",),
    ),
    DemoEntry(
        49,
        17,
        "",
        "Still waiting:\n\n"
        "- Catching up with Sam once he's moved house\n"
        "- Sending Kwame my CV, but only once there's a portfolio link to go with it\n"
        "- Preparing for Elliot next week: **this one first**\n\n"
        "| Goal | Where I am |\n"
        "|---|---|\n"
        "| Ten informational interviews | 4 done, Elliot booked |\n"
        "| A mentor | Ruth, since the start; a researcher as well would help |\n"
        "| A UX research role | Need a portfolio first |\n\n"
        "Gave Sofia feedback on her portfolio case study this week, which helped me see "
        "what mine should look like.",
        tags=("weekly", "portfolio"),
        mood=3,
        confidence=3,
        shared=True,
        prompt_set="weekly_review",
        prompt="Which follow-ups are still waiting, and which one will you do first?",
    ),
    DemoEntry(
        47,
        18,
        "Two years",
        "Coffee with Charlotte after the meetup, finally. She taught English for six years "
        "and made the move to design in about two.\n\n"
        "What helped her most was redoing one small project for a real team rather than "
        "taking more courses. She also said the first year felt like nothing was "
        "happening, and then three things happened in the same month.\n\n"
        "I needed to hear that this week.",
        tags=("networking", "reflection"),
        mood=4,
        confidence=3,
    ),
    DemoEntry(
        44,
        21,
        "Elliot",
        "For the thank-you note:\n\n"
        "1. His point that the Sparkwell pilot **counts as research** if I write it up "
        "properly: a question, what we did, what we found, what changed because of it.\n"
        "2. The three things he looks for: evidence of real research however small, "
        "listening without steering, and short reports people actually read.\n\n"
        "He also mentioned there might be a junior opening later on. I'm trying very hard "
        "not to hang everything on that.\n\n"
        "Offer to send him the write-up once it's done. That gives me a deadline.",
        tags=("interviews", "ux", "portfolio"),
        mood=4,
        confidence=4,
        shared=True,
        prompt_set="after_conversation",
        prompt="Jot down two things to mention in your thank-you note.",
        people=("elliot",),
        conversation="elliot",
    ),
    DemoEntry(
        40,
        10,
        "Writing up the pilot",
        "A morning off, a big pot of coffee. The shape Elliot suggested:\n\n"
        "## The question\n\n"
        "Why did half our teachers stop using the platform after the first month?\n\n"
        "## What we found\n\n"
        "- The login took four steps on the school laptops\n"
        "- Nobody knew where the Year 9 materials were\n"
        "- Teachers who had one lesson of training kept going; the rest didn't\n\n"
        "## What changed\n\n"
        "Still drafting this part. Marcus will check the usage figures before anyone else "
        "sees it.",
        tags=("portfolio", "ux"),
    ),
    DemoEntry(
        35,
        16,
        "Weekly review",
        "## This week\n\n"
        "Two sections of the pilot write-up done. I left a comment on a post by Gareth, "
        "Foxglove's head of research, about hiring researchers from outside tech. Sam works "
        "for him, so one day I might ask for an introduction.\n\n"
        "## What I gave\n\n"
        "Nothing this week, and I noticed. It only works if it goes both ways.\n\n"
        "## One step for next week\n\n"
        "Finish the draft and send it to Marcus to check.",
        tags=("weekly", "portfolio"),
        mood=4,
        confidence=4,
    ),
    DemoEntry(
        33,
        20,
        "Lena's first month",
        "Lena talked me through her first month as a researcher at the bank:\n\n"
        "- Week one: reading every old report she could find\n"
        "- Week two: sitting in on someone else's interviews\n"
        "- Weeks three and four: her own sessions, with a colleague taking notes\n\n"
        "Much gentler than I'd imagined. She says the teaching habit of checking everyone is "
        "following helps all the time.\n\n"
        "Sofia recommended a short course on survey design, and I've signed up for "
        "[the course](https://example.org/survey-design). Four evenings; I can manage four.",
        tags=("ux", "learning"),
        mood=4,
        confidence=4,
    ),
    DemoEntry(
        27,
        21,
        "A small study",
        "Ruth had an idea over coffee: help with a small study at the university. Then I went "
        "to the reading group she'd suggested, and there was Mei Lin, a PhD researcher "
        "studying how teachers use tablets in science lessons.\n\n"
        "Her study needs schools, and I know schools. We're talking properly on a video call "
        "later this week.\n\n"
        "This is what Nadia and Charlotte both told me to do: real work, however small. "
        "It would give me real session notes for the portfolio, and I'd be useful to "
        "someone at the same time.",
        tags=("mentor", "ux"),
        mood=4,
        confidence=4,
        people=("ruth", "mei"),
    ),
    DemoEntry(
        26,
        21,
        "",
        "Patrick at Sparkwell was warm and straightforward: they're **not hiring researchers "
        "right now**, and I should try again in a few months.\n\n"
        "Outside my control: their budget, their timing, and the fact that the company I know "
        "best happens to be standing still this year.\n\n"
        "Inside my control: he asked to see the pilot write-up once Marcus has cleared it, "
        "which means he'll remember me when they hire again. I'm glad I'd already thanked "
        "Claire for the introduction.\n\n"
        "Disappointed, yes. It isn't a no to me, though, only a no to now.",
        tags=("setbacks",),
        mood=2,
        confidence=3,
        shared=True,
        prompt_set="after_bummer",
        prompt="What was outside your control here?",
        people=("patrick", "claire"),
    ),
    DemoEntry(
        21,
        17,
        "",
        "- **Ruth**, who pushed me towards the university study\n"
        "- **Mei Lin**, on a video call: her study needs schools, and I can help find some\n"
        '- **Patrick**, whose "not now" stung for about a day\n'
        "- **Nadia**, who sent me her interview guide template\n"
        "- **Tom**, on his birthday, asking how the interviews are going\n\n"
        "What stayed with me is how much people give when you're clearly doing the work. "
        "Nadia's template is far better than mine. I must send her something useful back.",
        tags=("weekly", "networking"),
        mood=3,
        confidence=4,
        shared=True,
        prompt_set="weekly_review",
        prompt="Who did you talk to this week, and what stayed with you?",
    ),
    DemoEntry(
        17,
        22,
        "",
        "Aisha introduced me to Harriet, head of product at Openfield, and Harriet has said "
        "she's glad to talk. I've drafted my reply three times and sent none of them.\n\n"
        "She hires people, which is why my stomach turns over. Realistically, the worst that "
        "could happen is a polite half hour where I ask an ordinary question and she goes "
        "back to her day. I could live with that. I've had that half hour before and "
        "learned something from it anyway.\n\n"
        "Reminder to self: this is about **learning**, not about a job. Read the post on "
        "teacher feedback loops, offer three times, press send.",
        tags=("nerves", "networking"),
        mood=3,
        confidence=2,
        prompt_set="before_event",
        prompt="What is the worst that could realistically happen, and could you live with it?",
        people=("harriet", "aisha"),
        conversation="harriet",
    ),
    DemoEntry(
        12,
        21,
        "Webinar and a breakout room",
        "Ingrid's webinar for the research network was full of things I can use straight "
        "away:\n\n"
        "- Keep sessions with pupils short\n"
        "- Always agree with the teacher beforehand what you will and won't watch\n\n"
        "In the breakout room I ended up with Yusuf, a product researcher at Openfield. He "
        "was happy to compare notes, so I'll ask him for half an hour. That's two people from "
        "Openfield in a week; it keeps coming up.",
        tags=("events", "networking", "ux"),
        mood=4,
        confidence=4,
        people=("ingrid", "yusuf"),
        event="Classroom studies in practice",
    ),
    DemoEntry(
        10,
        20,
        "A junior opening",
        "Elliot emailed: there may be a **junior researcher opening** at Pebble & Slate in "
        "a couple of months, and he'd like to see the survey write-up.\n\n"
        "I read it on the bus and missed my stop.\n\n"
        "Nothing is promised, and I know it. But this is the team whose work made me say "
        "*this is the job*, and the person who hires for it has asked to see my work. "
        "Send it within the week. Ask Lena to read it first.",
        tags=("wins", "portfolio"),
        mood=5,
        confidence=4,
    ),
    DemoEntry(
        9,
        21,
        "My why, third version",
        "Still true from the last version: *finding out how teachers and students really "
        "use the tools*. That line has survived every conversation since.\n\n"
        "What's changed is that I can now name it exactly: a **UX researcher** at an "
        "education technology company, with teachers and students in front of me every "
        "week.\n\n"
        "And there's a new reason I didn't have words for before. I want my work to reach "
        "more classrooms than my own. Teaching reaches thirty children at a time; a good "
        "finding can change a tool used by thousands.",
        tags=("why", "reflection"),
        mood=4,
        confidence=4,
        shared=True,
        prompt_set="revisit_why",
        prompt="Which words in your current why still ring true when you read it aloud?",
    ),
    DemoEntry(
        7,
        17,
        "Weekly review",
        "## This week\n\n"
        "Elliot's news, a new version of my why, and Yusuf said yes to a call.\n\n"
        "## What I gave\n\n"
        "Sent Lena an article on remote diary studies she'd been looking for. Put Mei Lin in "
        "touch with Helen about visiting Northfield for her study last week, too.\n\n"
        "## What I learned\n\n"
        "A few months ago I had a field. Now I can name the job, I have a portfolio piece "
        "and people who'd recognise my name.\n\n"
        "## One step for next week\n\n"
        "Send Elliot the survey write-up.",
        tags=("weekly", "wins"),
        mood=4,
        confidence=4,
        shared=True,
    ),
    DemoEntry(
        5,
        20,
        "Segun and research operations",
        "Too soon to tell, and I think that's the honest answer.\n\n"
        "Segun's work is close to research: booking schools and families, the consent and "
        "safeguarding paperwork, keeping the research library tidy. My school years would "
        "count for a lot there.\n\n"
        "But I'd be **arranging** the conversations rather than having them, and today "
        'that\'s the part I care about most. Not a no, more of a "not first choice".\n\n'
        "He's introduced me to Rosa at Openfield, who was a school librarian until two years "
        "ago. Thank-you to Segun first, then write to Rosa.",
        tags=("interviews",),
        mood=4,
        confidence=4,
        prompt_set="after_conversation",
        prompt="Does this work fit you, not fit you, or is it too soon to tell?",
        people=("segun",),
        conversation="segun",
    ),
    DemoEntry(
        3,
        19,
        "Ready to apply?",
        "Told Ruth about the Pebble & Slate opening over coffee. She didn't hesitate: "
        '*"You\'re ready. Apply when it opens."*\n\n'
        "I argued for a minute (no job title, one write-up, not even a finished portfolio), "
        "and she let me run out of reasons before pointing out that I'd just described "
        "exactly what Elliot asked for.\n\n"
        "Walked home feeling taller. First time I've believed it myself.",
        tags=("mentor", "wins"),
        mood=5,
        confidence=5,
        people=("ruth",),
    ),
    DemoEntry(
        1,
        21,
        "Tomasz",
        "The hardest part of his job is finding teachers who can spare an hour, and most of "
        "his studies end up after school or in the holidays. He'd value someone who knows how "
        "a school day really runs, which is the first time anyone has described my teaching "
        "years as a head start.\n\n"
        "In return, I'll send him the two articles on recruiting teachers for studies that he "
        "asked about, and mention the short-sessions tip from Ingrid's webinar.\n\n"
        "Charlotte's call is the day after tomorrow. Questions are ready.",
        tags=("interviews", "networking"),
        mood=4,
        confidence=4,
        prompt_set="after_conversation",
        prompt="What could you send them in return, however small?",
        people=("tomasz",),
        conversation="tomasz",
    ),
)
