"""The crisis path: emergency resources at once, from any state, before consent and before the database.

The reply is fitted to the person and the moment: a child being hurt gets 189 and children's lines,
violence from a partner the DV lines and safety first, violence from a grown child or a brother or sister
at home 110 and the 保健所 / 精神保健福祉センター, thoughts of dying いのちの電話, よりそい and the chat or
LINE lines for someone who cannot phone, pills already taken 119 first. Signs of violence from a
partner short of being hit (fear, being watched, money kept back) are urgent and get the DV lines,
never the question about dying. Only lines known to be open now are listed (a line whose hours
vary is not). The same situation again within `REPEAT_WITHIN` gets a brief, different reply with
one line and the offer of a person, not the same block again; a new or more acute one (pills taken
after pills kept) gets its own block. The conversation remembers who is being hurt
(`CrisisMemory`), so a message that does not say gets the lines of the one it knows. While a CSW
holds the case the reply says the person reading will see the message. In the hours after a
crisis reply, waving it off (「別に」「もういい」) gets one warm line that leaves the door open, not
wanting the police a line that is not the police, and 「じどうそうだんじょ」 what a 児童相談所 does.
A sign short of crisis (`possible_risk`) gets one gentle, direct question; a typed no to it is
thanked. The same urgent need again gets one short line.

Danger said in pieces (`dialogs.fragments`): a short message that says nothing alone is read with the
last few short ones (「くすり」「のんだ」 → pills taken, 119 first). After pills or cutting, words about
the body (「ねむい」「血とまらん」) get 119 again; after any crisis reply, taking it back (「冗談です」)
gets a warm line and a plea (「おねがい だれか」) a line to call now; a way of dying named after the
first reply (「練炭とか楽なのかなって」) gets 119/110 and one direct question.

Try-out 7: pills taken in slang (「眠剤ぜんぶいった」) are pills taken; after them, going to sleep and
holding back from 119 (「大げさ」「親にバレたくない」, the ambulance's cost) get 119 and why it matters now.
A relative gone out and not found at night (`missing`) gets 110 now. After a case was sent, a crisis
reply says the message reached it; someone who cannot phone is given chat lines first, and asking
whether a line is open now gets its hours.

Try-out 10: a correction of who hurts whom (「いえ、妻に手を上げているのは息子ではなく…」) revises what
the conversation knows instead of answering it as harm, and a sentence that only denies is never
quoted on the 受付票; violence told in the past and placed long ago, or an attempt now settled, is
heard and noted, not met with the emergency lines; a question asked beside danger is answered briefly
with the safety content; cutting to cope after the bleeding stopped gets no first aid again.

Try-out 12: half a joke (「ネタだけど。半分くらい」) is no take-back: the direct question, and the lines
to write to for someone who cannot phone. A grown-up hit by a parent (「昔から父に殴られてて」) gets the
lines for violence at home (`family`), never 189; a writer who then says she is a child (「わたし高2で
17だけど…親にバレる」) gets what a children's line does first and the children's block; a child afraid
at home after violence told by a parent (「子どもがこわがってる」) is heard and noted on the 受付票.

The package's modules depend one way, each only on those listed before it: `situations` (what is told
apart), `memory` (what a conversation remembers), `reading` (the message read), `lines` (which lines, as
text), `fast` (the pure reply), `respond` (answering inside a dialog), then one module a situation — `risk`,
`relatives`, `children`, `home`, `after` (the hours after a reply), `urgent` — and `interrupt`, which runs
them in order.

`crisis_answer(text, now, memory)` is pure and fast so the bot can send it on the webhook's fast path;
`interrupt(dialog, already_sent=...)` is what every turn runs first (see `dialogs.engine.handle`).
"""

from dialogs.crisis.children import answer_no_child_guidance
from dialogs.crisis.fast import crisis_answer, crisis_reply
from dialogs.crisis.interrupt import interrupt
from dialogs.crisis.lines import hotline_list, safe_line
from dialogs.crisis.memory import CrisisMemory, memory_of, note_offer, person_offered
from dialogs.crisis.reading import PILL_WORDS, QUESTION_ENDS, relative_name, tells_no_child_guidance
from dialogs.crisis.respond import partner_lines_given
from dialogs.crisis.risk import answer_risk
from dialogs.crisis.situations import REPEAT_WITHIN
from dialogs.crisis.urgent import COLD_OR_BODY_WORDS, answer_cold, safety_line_fits

__all__ = [
    "COLD_OR_BODY_WORDS",
    "PILL_WORDS",
    "QUESTION_ENDS",
    "REPEAT_WITHIN",
    "CrisisMemory",
    "answer_cold",
    "answer_no_child_guidance",
    "answer_risk",
    "crisis_answer",
    "crisis_reply",
    "hotline_list",
    "interrupt",
    "memory_of",
    "note_offer",
    "partner_lines_given",
    "person_offered",
    "relative_name",
    "safe_line",
    "safety_line_fits",
    "tells_no_child_guidance",
]
