"""Danger said in pieces: the last few short messages, and the words that matter after a crisis reply.

Someone at 2 a.m. may type 「くすり」「のんだ」「20こ」, one word a message. Read alone, none of these
says anything; read together, they say pills were taken. So the conversation keeps its last few short
messages (`KEPT` at most, each at most `SHORT_CHARS` long, none older than `WITHIN`) and the crisis
path reads a short new message together with them (`dialogs.crisis.interrupt`). They stay in the
conversation's own data, like the draft's words, are never logged, and are dropped once too old.

After a reply about pills taken or cutting, words about the body (`BODY_AFTER_PILLS`,
`BODY_AFTER_CUTTING`: 「ねむい」「ふらふら」「血とまらん」) mean the danger goes on, while bleeding that
stopped (`BLEEDING_STOPPED`: 「とまった」「血とまった」) is thanked with what to watch for; after any crisis
reply, taking it back (`TAKEN_BACK`: 「冗談です」「やっぱいい」「ちょっと疲れてるだけ」) needs a warm
line that keeps the door open, and a plea (`PLEA`: 「おねがい だれか」) a line to call now. The lists
are matched on normalised text (katakana as hiragana, long vowels dropped), as the lexicons are.

The word lists are data, in `conversation_words/*.yaml` (`load_words`): a municipality extends one by
adding a file with the same list names (dialect, local words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dialogs.understanding.normalize import normalize_with_spans

WORDS_DIR = Path(__file__).with_name("conversation_words")
"""The shipped word lists; every `*.yaml` file here is read and its lists joined."""

RELATIVES_SPOKEN_OF = (
    "son",
    "daughter",
    "child",
    "older_brother",
    "younger_brother",
    "older_sister",
    "younger_sister",
    "husband",
    "wife",
    "father",
    "mother",
    "friend",
    "boyfriend",
    "girlfriend",
    "colleague",
    "classmate",
)
FRIENDS_SPOKEN_OF = ("friend", "boyfriend", "girlfriend", "colleague", "classmate")
"""Of `RELATIVES_SPOKEN_OF`, the ones who are not family: the reply for a friend at risk says what a
friend can do (110 where they live, their family, the post reported to the SNS)."""
"""The relatives a family member may tell spoke of dying: each has a word list `relative_<who>` and a
respectful name in the catalog, `crisis.relative.<who>`."""

EDITABLE_FIELDS = (
    "asker",
    "relation",
    "age_band",
    "duration",
    "concerns",
    "hopes",
    "district",
    "contact",
    "contact_times",
    "considerations",
)
"""Fields a person may name to change (「兄の年代を直したい」「立場を直したい」), each with its word list
`edit_field_<key>` in `conversation_words/edit_talk.yaml`."""

WORD_LISTS = (
    "fear_of_harm",
    "misread",
    "body_after_pills",
    "body_after_cutting",
    "bleeding_stopped",
    "taken_back",
    "take_back_undone",
    "drinks",
    "missing_not_urgent",
    "care_named",
    "waves_off",
    "help_coming",
    "help_not_coming",
    "not_called",
    "told_people",
    "telling_them",
    "acknowledged",
    "said_yes",
    "yes_at_length",
    "unsure_answer",
    "not_that_far",
    "no_alone",
    "wants_that",
    "not_taken",
    "pills_kept",
    "call_worries",
    "ambulance",
    "ambulance_cost",
    "cannot_phone",
    "phone_named",
    "cannot_call",
    "timed_plan",
    "danger_places",
    "left_place",
    "line_channels",
    "text_channels",
    "danger_near",
    "afraid_now",
    "fear_alone",
    "hidden_in_room",
    "plea",
    "pill_words",
    "cold_or_body",
    "cold_words",
    "power_out",
    "school",
    "not_home",
    "child_guidance_names",
    "asks_to_prepare",
    "the_person",
    "not_agreed",
    "family_of_the_person",
    "own_visit",
    "student",
    "sends",
    "refuses_to_send",
    "not_sending",
    "sends_so_far",
    "whole_conversation",
    "summary_only",
    "this_content_politely",
    "polite_yes",
    "kekkou_alone",
    "removes",
    "losing_home_en",
    "not_english_words",
    "not_english",
    "sending_request",
    "done_choosing",
    "asks_what_was_sent",
    "keeps_it_sent",
    "asks_to_resume",
    *(f"relative_{who}" for who in RELATIVES_SPOKEN_OF),
    "reported_speech",
    "written_by_someone",
    "heard_from_someone",
    "edits",
    "outside_places",
    "with_the_child",
    *(f"edit_field_{key}" for key in EDITABLE_FIELDS),
    "asks_for_an_answer",
    "minor_named",
    "grown_named",
    "appetite_lost",
    "short_of_money",
    "corrects",
    "long_ago",
    "lately",
    "cannot_take_calls",
    "lives_alone",
    "relative_unreachable",
    "not_me",
    "hides_from_staff",
    "staff_named",
    "hiding_in_room",
    "fear_lingers",
    "neighbour_introduced",
    "neighbour_named",
    "keeps_records",
    "keeps_records_said",
    "navigation_wish",
    "steps_away",
    "back_again",
    "thinks_it_over",
    "asks_about_staff",
    "affairs_in_order",
    "native_vietnamese",
    "elder_money",
    "money_taken",
    "elder_named",
    "money_holder_named",
    "elder_signs",
    "sexual_minority",
    "battery_named",
    "battery_low",
    "half_serious",
    "joke_trailing_off",
    "childlike_parent",
    "child_school_life",
    "story_count",
    "child_at_home_named",
    "child_afraid",
    "police_named",
    "loan_shark_threats",
    "family_reasons",
    "tonight_or_today",
    "opener",
    "hedge",
    "not_dying_but",
    "leaving_plan",
    "partner_near",
    "this_line_named",
    "seen_feared",
    "asks_to_forget",
    "immigration_fear",
    "contact_line_en",
    "contact_line_en_not",
    "contact_phone_en",
    "other_language_en",
    "contact_phone_en_not",
    "writes_only",
    "no_questions",
    "spouse_named",
    "parent_named",
    "death_told",
    "own_strain",
    "feels_better",
    "not_romaji_words",
    "own_hurt_mark",
    "carer_fears_telling",
    "come_now_when",
    "come_to_me",
    "child_runs_away",
    "shown_wrong",
    "first_time",
    "no_help_wanted",
    "ashamed",
    "apology_after_crisis",
    "apology_plain",
    "apology_only",
    "apology_aside",
    "person_wont_consult",
    "family_cut_off",
    "prison_stay",
    "awake_at_night",
    "means_named",
    "wish_denied",
    "means_kept",
    "worry_for_other",
    "mother_named",
    "in_a_store",
    "child_guidance_where",
    "cold_felt",
    "heat_running_out",
    "warm_place_asked",
    "places_elsewhere",
    "partner_woke",
    "partner_away",
    "adult_self_signs",
    "lives_far_away",
    "asks_from_afar",
    "persuade",
    "supporter_self",
    "abuse_report",
    "thrown_figurative",
    "own_not_theirs",
    "shouted_at",
    "dying_together",
    "staring_things",
    "staring_places",
    "staring_at",
    "afraid_to_tell",
    "where_tonight",
    "police_pity",
    "home_shut_out",
    "late_by_choice",
    "police_words",
    "police_trouble",
    "parent_words",
    "mother_words",
    "father_words",
    "bed_tonight_said",
    "phone_checked",
    "only_that",
    "not_hit",
    "weapon_held",
    "cleft_is",
    "hit_told",
    "asks_to_be_sent",
    "number_named",
    "number_needed",
    "materials",
    "district_unknown",
    "nothing_said",
    "sometimes_yes",
    "english_relative",
    "english_writer_at_risk",
    "things_broken",
    "afraid_of_them",
    "weekday_work",
    "phone_refused",
    "night_work",
)
"""The names a word-list file may use (each described by its `note` in `conversation_words/`)."""


class WordListError(ValueError):
    """A word-list file that cannot be read: the message names the file and the list."""


def _read_words(path: Path, lists: dict[str, list[str]]) -> None:
    """Add the lists of one file to `lists`, refusing names and shapes it does not know."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise WordListError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise WordListError(f"{path}: expected a mapping of list names")
    for name, body in data.items():
        if name not in WORD_LISTS:
            raise WordListError(f"{path}: unknown list {name!r} (known: {', '.join(WORD_LISTS)})")
        words = body.get("words") if isinstance(body, dict) else None
        if not isinstance(words, list) or not all(isinstance(word, str) and word for word in words):
            raise WordListError(f"{path}: {name}.words must be a list of words")
        lists[name].extend(word for word in words if word not in lists[name])


@cache
def _load(directories: tuple[Path, ...]) -> dict[str, tuple[str, ...]]:
    """Read the shipped lists, then each extra directory's files (cached)."""
    lists: dict[str, list[str]] = {name: [] for name in WORD_LISTS}
    for directory in (WORDS_DIR, *directories):
        for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
            _read_words(path, lists)
    return {name: tuple(words) for name, words in lists.items()}


def load_words(extra_dirs: Iterable[Path] = ()) -> dict[str, tuple[str, ...]]:
    """Every word list: the shipped files, then the files of `extra_dirs` (a municipality's own words)."""
    return _load(tuple(Path(directory).resolve() for directory in extra_dirs))


WORDS = load_words()
"""The word lists in use."""

SHORT_CHARS = 20
"""Only a message at most this long is kept, or read together with the ones before it."""

KEPT = 4
"""How many recent short messages are kept (the new one is read with up to `KEPT - 1` before it)."""

WITHIN = timedelta(minutes=15)
"""Short messages further apart than this are not read together."""

TAKEN_BACK_MAX_CHARS = 40
"""A longer message is more than taking back what was said (「冗談です。でも本当は…」)."""

BODY_AFTER_PILLS = WORDS["body_after_pills"]
BODY_AFTER_CUTTING = WORDS["body_after_cutting"]
BLEEDING_STOPPED = WORDS["bleeding_stopped"]
TAKEN_BACK = WORDS["taken_back"]
HELP_COMING = WORDS["help_coming"]
ACKNOWLEDGED = WORDS["acknowledged"]
SAID_YES = WORDS["said_yes"]
NOT_TAKEN = WORDS["not_taken"]
PLEA = WORDS["plea"]
ASKS_TO_PREPARE = tuple(unicodedata.normalize("NFKC", word) for word in WORDS["asks_to_prepare"])
"""Words that ask for the question-by-question preparation by name (`conversation_words/menu_talk.yaml`)."""


def _normalized(text: str) -> str:
    return normalize_with_spans(text).text


def _normalized_all(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_normalized(word) for word in words))


_BODY_AFTER_PILLS = _normalized_all(BODY_AFTER_PILLS)
_BODY_AFTER_CUTTING = _normalized_all(BODY_AFTER_CUTTING)
_BLEEDING_STOPPED = _normalized_all(BLEEDING_STOPPED)
_TAKEN_BACK = _normalized_all(TAKEN_BACK)
_BLOOD = _normalized("血")
"""The blood itself, named with its stopping (「血とまった」), is no further word about the body."""
_PLEA = _normalized_all(PLEA)
_HELP_COMING = _normalized_all(HELP_COMING)
_NOT_TAKEN = _normalized_all(NOT_TAKEN)
_WAVES_OFF = _normalized_all(WORDS["waves_off"])
_YES_AT_LENGTH = _normalized_all(WORDS["yes_at_length"])


def is_short(text: str) -> bool:
    """Whether a message is short enough to be a fragment (「のんだ」「20こ」)."""
    return 0 < len(text.strip()) <= SHORT_CHARS


def recent(data: dict[str, Any], now: datetime) -> list[str]:
    """The short messages kept from the last `WITHIN`, oldest first."""
    kept = data.get("crisis", {}).get("recent") or []
    return [
        str(item["words"])
        for item in kept
        if isinstance(item, dict)
        and isinstance(item.get("at"), str)
        and now - datetime.fromisoformat(item["at"]) <= WITHIN
    ]


def keep(data: dict[str, Any], text: str, now: datetime) -> None:
    """Keep `text` if short, with the short messages of the last `WITHIN` (at most `KEPT`); drop the rest."""
    kept = data.get("crisis", {}).get("recent") or []
    fresh = [
        item
        for item in kept
        if isinstance(item, dict)
        and isinstance(item.get("at"), str)
        and now - datetime.fromisoformat(item["at"]) <= WITHIN
    ]
    if is_short(text):
        fresh.append({"at": now.isoformat(), "words": text.strip()})
    fresh = fresh[-KEPT:]
    if fresh:
        data.setdefault("crisis", {})["recent"] = fresh
    elif "recent" in data.get("crisis", {}):
        del data["crisis"]["recent"]


def tells_of_body(text: str, situation: str) -> bool:
    """Whether the words speak of the body in a way that matters after `situation` (overdose or self_harm)."""
    words = _BODY_AFTER_PILLS if situation == "overdose" else _BODY_AFTER_CUTTING
    normalized = _normalized(text)
    return any(word in normalized for word in words)


def bleeding_stopped(text: str) -> bool:
    """Whether the words say the bleeding stopped (「とまった」「血とまった」) and tell nothing more of the
    body: 「血とまったけどふらふらする」 and 「とまったと思ったらまた出てきた」 still matter."""
    normalized = _normalized(text)
    stopped = [word for word in _BLEEDING_STOPPED if word in normalized]
    if not stopped:
        return False
    rest = normalized
    for word in stopped:
        rest = rest.replace(word, " ")
    return not any(word in rest for word in _BODY_AFTER_CUTTING if word != _BLOOD)


def takes_back(text: str) -> bool:
    """Whether a short message takes back what was said (「冗談です」「やっぱいい」「疲れてるだけ」)."""
    if len(text.strip()) > TAKEN_BACK_MAX_CHARS:
        return False
    normalized = _normalized(text)
    if holds_word_of(
        text, "worry_for_other"
    ):  # 「かあちゃん大丈夫かな」: a worry for another, not a take-back
        return False
    return any(word in normalized for word in _TAKEN_BACK)


def apologises(text: str) -> bool:
    """Whether a short message apologises for what was written (「すみません取り乱して」), or is a bare
    apology (「ごめんなさい」)."""
    typed = text.strip()
    if len(typed) <= PLAIN_APOLOGY_MAX_CHARS and not typed.endswith(("?", "？")):
        return holds_word_of(text, "apology_after_crisis") or holds_word_of(text, "apology_plain")
    return len(typed) <= TAKEN_BACK_MAX_CHARS and holds_word_of(text, "apology_after_crisis")


PLAIN_APOLOGY_MAX_CHARS = 12
"""A bare apology this short is only that; a longer one goes on to say or ask something."""

EXCUSE_ME = ("すみません", "すいません", "すんません")
"""A bare 「すみません」, which as the first words may only ask leave to ask (「はい、どうぞ」)."""

_LETTER = re.compile(r"[0-9a-z\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]")


def _without_words(text: str, names: tuple[str, ...]) -> str:
    """The normalised text with every word of the lists `names` taken out, longest first."""
    rest = _normalized(text)
    words = sorted({word for name in names for word in _normalized_list(name)}, key=len, reverse=True)
    for word in words:
        rest = rest.replace(word, " ")
    return rest


def only_apologises(text: str) -> bool:
    """Whether a message only says sorry (「すみませんでした」「ごめんなさい」「すみません、さっきは」
    「申し訳ありませんでした」), with nothing else said or asked (not 「すみません、質問です」)."""
    if len(text.strip()) > TAKEN_BACK_MAX_CHARS or not holds_word_of(text, "apology_only"):
        return False
    return _LETTER.search(_without_words(text, ("apology_only", "apology_aside"))) is None


def excuse_me_only(text: str) -> bool:
    """Whether a message is a bare 「すみません」/「すいません」 (marks aside), which may ask leave to ask."""
    letters = "".join(_LETTER.findall(_normalized(text)))
    return letters in _normalized_all(EXCUSE_ME)


FORGET_MAX_CHARS = 60
"""A longer message asking to forget tells more than that (its words are kept as the rest are)."""


def asks_to_forget(text: str) -> bool:
    """Whether a message asks that what was written be forgotten or taken back (「やっぱり大丈夫です。大げさに
    書いてしまいました。忘れてください」「さっきのはなかったことにしてください」), not
    「名前を忘れてしまう」."""
    return len(text.strip()) <= FORGET_MAX_CHARS and holds_word_of(text, "asks_to_forget")


def waves_off(text: str) -> bool:
    """Whether a short message begins by waving off what was said to it (「もういい。どうせ…」)."""
    if len(text.strip()) > TAKEN_BACK_MAX_CHARS:
        return False
    normalized = _normalized(text).lstrip("…。、 ")
    return any(normalized.startswith(word) for word in _WAVES_OFF)


def pleads(text: str) -> bool:
    """Whether a short message pleads for someone (「おねがい だれか」「ひとりにしないで」)."""
    normalized = _normalized(text)
    return is_short(text) and any(word in normalized for word in _PLEA)


def help_coming(text: str) -> bool:
    """Whether the words say help is on its way (「救急車よんだ」「いまから病院」), not that it is not
    (「119とかしてないけど」), nor ask or beg something of it (「親には絶対言わないで」「親に連絡する？」)."""
    normalized = _normalized(text)
    return any(word in normalized for word in _HELP_COMING) and not holds_word_of(text, "help_not_coming")


def says_not_called(text: str) -> bool:
    """Whether the words say 119 was not called (「え 119とかしてないけど」「救急車は呼んでない」)."""
    return holds_word_of(text, "ambulance") and holds_word_of(text, "not_called")


def asks_who_is_told(text: str) -> bool:
    """Whether the words ask whether, or ask that not, parents or school be told (「親に連絡いく？」
    「家族に知らされますか」「親には絶対言わないで」「担当者って学校とか親に連絡する？」)."""
    return holds_word_of(text, "told_people") and holds_word_of(text, "telling_them")


def _whole(text: str) -> str:
    """The whole message as typed, for a bare word: NFKC, lowercase, without end marks. Not the lexicon
    normalisation, which drops long vowels and would make a hesitant 「うーん」 a 「うん」."""
    return unicodedata.normalize("NFKC", text).strip().strip("。.!！、…").lower()


def is_word_of(text: str, name: str) -> bool:
    """Whether the whole message (NFKC, lowercase, without end marks) is a word of the list `name`."""
    return _whole(text) in WORDS[name]


def acknowledges(text: str) -> bool:
    """Whether the whole message is a bare acknowledgement (「はい」「わかった」)."""
    return _whole(text) in ACKNOWLEDGED


def says_yes(text: str) -> bool:
    """Whether the whole message is a bare yes (「はい」「うん」「ある」「少し」)."""
    return _whole(text) in SAID_YES


def not_taken(text: str) -> bool:
    """Whether a short answer says the pills were not taken (「のんでない」「まだ」「飲んでません」)."""
    normalized = _normalized(text)
    return any(word in normalized for word in _NOT_TAKEN)


def pills_kept(text: str) -> bool:
    """Whether the words say pills are kept, not swallowed (「睡眠薬を飲まずにためてあります」)."""
    return holds_word_of(text, "pills_kept")


def asks_to_prepare(text: str) -> bool:
    """Whether the words ask for the preparation itself (「相談の準備をしたいです」), not a hope."""
    typed = unicodedata.normalize("NFKC", text)
    return any(word in typed for word in ASKS_TO_PREPARE)


def worries_about_calling(text: str) -> bool:
    """Whether the words hold back from calling 119 (「救急とか大げさ」「親にバレたくない」「よばない」) or
    ask what the ambulance costs (「救急車 呼んだら金かかる？」)."""
    if holds_word_of(text, "call_worries"):
        return True
    return holds_word_of(text, "ambulance") and holds_word_of(text, "ambulance_cost")


def cannot_phone(text: str) -> bool:
    """Whether the words say the person cannot phone (「電話は無理」「電話は手が震えてかけられません」)."""
    named_then_cannot = word_then_word(text, "phone_named", "cannot_call", PHONE_CLAUSE)
    return holds_word_of(text, "cannot_phone") or named_then_cannot


def elder_money_held(text: str) -> bool:
    """Whether the words say a relative holds or uses an elderly relative's money (「父の通帳も兄が持ってる
    みたい」): possible financial abuse of an elderly person."""
    return all(holds_word_of(text, name) for name in ("elder_named", "elder_money", "money_taken")) and (
        holds_word_of(text, "money_holder_named")
    )


def half_serious(text: str) -> bool:
    """Whether the words say what was said was partly meant (「ネタだけど。半分くらい」「ちょっとは本気」
    「冗談だけど…」 trailing off): not a take-back."""
    trailing = _normalized(text).rstrip(" 　")
    return holds_word_of(text, "half_serious") or any(
        trailing.endswith(word) for word in _normalized_list("joke_trailing_off")
    )


def undoes_take_back(text: str) -> bool:
    """Whether the words take back a take-back (「いや、うそじゃないかも　わからん」「やっぱうそじゃない」
    「ほんとは本気」): what was said about dying was meant after all."""
    return holds_word_of(text, "take_back_undone")


def drinks_without_pills(text: str) -> bool:
    """Whether the words name a drink (「ストロング5本目」「酒めっちゃ飲んでる」) and no pills or medicine."""
    return holds_word_of(text, "drinks") and not holds_word_of(text, "pill_words")


def names_a_time(text: str) -> bool:
    """Whether the words name a time soon (「今日で」「今夜」「いまから」), as a plan does."""
    return holds_word_of(text, "timed_plan")


def still_at_place(text: str) -> bool:
    """Whether the words name a dangerous place (「まだベランダ」), not that it was left (「部屋戻った」)."""
    return holds_word_of(text, "danger_places") and not holds_word_of(text, "left_place")


def names_a_channel(text: str) -> bool:
    """Whether the words name a way to reach a line (「チャット」「電話」「LINE」)."""
    return holds_word_of(text, "line_channels")


def asks_for_text(text: str) -> bool:
    """Whether the words ask for a line without speaking (「チャットのほうがいい」「文字で」)."""
    return holds_word_of(text, "text_channels")


def danger_near(text: str) -> bool:
    """Whether a child's words say the one who hurts is near or awake, or no lock keeps them out
    (「まだ おきてる。へやに かぎ ない」)."""
    return holds_word_of(text, "danger_near")


YES_WITHIN_CHARS = 30
"""A yes to the question about dying is looked for only this far into the answer (its first words)."""


_PAUSE = re.compile(r"[。、,.!?\s]")
"""A pause after the first words of a message (after NFKC: 「！」 is 「!」)."""


def opens_with_yes(text: str) -> bool:
    """Whether a longer message opens with a bare yes before its first pause (「うん。たまに。…」)."""
    opening, *rest = _PAUSE.split(unicodedata.normalize("NFKC", text).strip().lower(), maxsplit=1)
    return bool("".join(rest).strip()) and _whole(opening) in SAID_YES


def opens_with_correction(text: str) -> bool:
    """Whether the message opens by saying what was read is not so (「いえ、」「違います。」)."""
    normalized = _normalized(text).lstrip("…。、 ")
    return any(normalized.startswith(word) for word in _normalized_list("corrects"))


LONG_AGO = re.compile(
    "(?:"
    + "|".join(re.escape(unicodedata.normalize("NFKC", word)) for word in WORDS["long_ago"])
    + r"|\d+\s*年(?:ほど|くらい|ぐらい|近く|以上)?前)(?!から)|(?:離婚|別れ|家を出)て(?:から)?\d+\s*年"
)
"""A time long past: a word of `long_ago`, or some years ago (「20年前」), not a time since which it goes
on (「昔から」「3年前から」)."""


def tells_long_ago(text: str) -> bool:
    """Whether the words place what they tell long ago (「小学生の頃」「昔」「20年前」「離婚して5年」) and
    nothing of it lately (「昨日」「さっき」「今も」)."""
    return bool(LONG_AGO.search(unicodedata.normalize("NFKC", text))) and not holds_word_of(text, "lately")


def fear_lingers(text: str) -> bool:
    """Whether the words tell of fear or memories that last (「今も怖いです」「今でも夢に見ます」)."""
    return holds_word_of(text, "fear_lingers")


def english_relative_at_risk(text: str) -> bool:
    """Whether English words put a relative, not the writer, in danger (「I'm scared he might hurt
    himself. He once said he doesn't see the point of living anymore.」, not 「I hurt myself」)."""
    return holds_word_of(text, "english_relative") and not holds_word_of(text, "english_writer_at_risk")


def answers_yes_at_length(text: str) -> bool:
    """Whether a longer answer opens with a yes to the question about dying (「正直に答えると、
    そういう気持ちは、あると思います。ただ…」), or says anywhere that the thought comes at times, whatever
    it denied first (「いや、死ぬとかそういうんでねぐて…んだども時々思ってしまうんだす」)."""
    opening = _normalized(text)[:YES_WITHIN_CHARS]
    return any(word in opening for word in _YES_AT_LENGTH) or holds_word_of(text, "sometimes_yes")


@cache
def _normalized_list(name: str) -> tuple[str, ...]:
    """A word list in use, normalised as messages are."""
    return _normalized_all(WORDS[name])


def asks_whether_to_give_a_number(text: str) -> bool:
    """Whether the words ask if a phone number must be given (「電話番号をお伝えした方がよろしいでしょうか」
    「番号って教えないといけないですか」), not give one."""
    return word_then_word(text, "number_named", "number_needed", NUMBER_NEEDED_WITHIN)


NUMBER_NEEDED_WITHIN = 12
"""How far after the number is named a word may ask whether it must be given."""


def holds_word_of(text: str, name: str) -> bool:
    """Whether the normalised text holds a word of the list `name` (katakana as hiragana, lowercase)."""
    normalized = _normalized(text)
    return any(word in normalized for word in _normalized_list(name))


PHONE_CLAUSE = 16
"""How far after the phone is named a word may say the call cannot be made."""

CLAUSE_END = re.compile(r"[、。,.!?！？\n]")
"""Where a clause of a message ends."""


def word_then_word(text: str, first: str, then: str, within: int) -> bool:
    """Whether a word of the list `then` follows a word of the list `first` within `within` characters
    in the same clause (「年齢を直したい」, not 「42歳です。間違えて…」)."""
    normalized = _normalized(text)
    for word in _normalized_list(first):
        at = normalized.find(word)
        while at >= 0:
            after = CLAUSE_END.split(normalized[at + len(word) :], maxsplit=1)[0]
            if any(0 <= after.find(w) <= within for w in _normalized_list(then)):
                return True
            at = normalized.find(word, at + 1)
    return False


def written_in_kana(text: str) -> bool:
    """Whether the words are written without kanji (「けいさつは かわいそうで」): answered in plain kana."""
    return not any("\u4e00" <= char <= "\u9fff" for char in text) and any(
        "\u3041" <= char <= "\u309f" for char in text
    )


STARING_WITHIN = 2
"""How near after a means or a place the words of staring at it come (「包丁ずっと見てる」
「包丁をじっと見てる」, not 「ナイフの動画ずっと見てる」)."""


def staring_at(text: str) -> str | None:
    """Whether the words say the writer keeps looking at a means of dying or down from a high place
    (「包丁ずっと見てる」「ベランダからずっと下見てる」「線路ずっと見てた」): "thing", "place", or None.
    Sharpening a knife or watching a cooking show is neither."""
    if word_then_word(text, "staring_things", "staring_at", STARING_WITHIN):
        return "thing"
    if word_then_word(text, "staring_places", "staring_at", STARING_WITHIN):
        return "place"
    return None


def hides_from_staff(text: str) -> bool:
    """Whether the words ask that something be kept from the staff (「相談員さんに生活保護のことは伏せて
    もらえますか」): the staff addressed, in the same clause, not someone else (「担当の人に伝えて。でも親には
    言わないで」「兄には言わないで」)."""
    staff = "|".join(map(re.escape, _normalized_list("staff_named")))
    hide = "|".join(map(re.escape, _normalized_list("hides_from_staff")))
    addressed = re.compile(rf"({staff})(さん|の方)?(に|へ)(は|も)?[^、。,.!?！？\n]{{0,24}}?({hide})")
    return addressed.search(_normalized(text)) is not None


def says_misread(text: str) -> bool:
    """Whether the words say the last reply misread them (「私自身のことを書いたつもりでした」)."""
    return holds_word_of(text, "misread")


AVOIDED_AFTER = ("に", "から", "へ", "には", "にも", "とか")
"""Particles after a neighbour named as someone to keep things from (「近所の人に知られたくない」), not as
the one written about."""


HONORIFIC_TAIL = "あさんちゃたち"
"""The rest of a name after the neighbour word (おばあ|ちゃん, 近所の人|たち), passed over to its particle."""


def neighbour_written_of(text: str) -> str | None:
    """The words naming a neighbour as the one written about (「隣のおばあちゃん、最近見かけない」), not
    someone to keep things from (「近所の人に知られたくない」); None when there are none."""
    normalized = _normalized(text)
    for word in _normalized_list("neighbour_named"):
        at = normalized.find(word)
        while at >= 0:
            after = normalized[at + len(word) :].lstrip(HONORIFIC_TAIL)
            if not after.startswith(AVOIDED_AFTER):
                return word
            at = normalized.find(word, at + 1)
    return None


SPOUSE_TO_DEATH = 6
"""How far after the spouse is named the death may be told (「妻は去年亡くなって」)."""


def tells_spouse_lost(text: str) -> bool:
    """Whether the words tell that the writer's wife or husband died (「妻は去年亡くなって」
    「主人に先立たれ」)."""
    return word_then_word(text, "spouse_named", "death_told", SPOUSE_TO_DEATH)


def tells_parent_lost(text: str) -> bool:
    """Whether the words tell that a parent of the writer's family died (「先月父が亡くなって」
    「父が亡くなったことも、兄はまだ…」)."""
    return word_then_word(text, "parent_named", "death_told", SPOUSE_TO_DEATH)


def outside_place(text: str) -> bool:
    """Whether the words name a dangerous place outside a home (「橋の上」「駅のホーム」「いま屋上」)."""
    return holds_word_of(text, "outside_places")


def with_the_child(text: str) -> bool:
    """Whether the words wish to die with one's child (「この子と一緒に消えたい」)."""
    return holds_word_of(text, "with_the_child")
