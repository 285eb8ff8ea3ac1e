"""Intake facts in free text (relation, writer, age, age band, duration, district, contact, hope) and
whom each fact or concern is about: the writer (相談者, `self`) or the person they write about (`other`).

A `relation` is any relative named (「妻は実家に」 names a wife): what the writer would be to them. A
`writer` is what the writer says of themself: `self` for a self-introduction (「母です」「民生委員を
しています」), `other` for whom the consultation is about (「息子のことで相談」「弟のことなんやけど」).

Values are the intake's option ids (dialogs/intake_form.py) and the content's district ids, so the
dialog can fill a field directly; `hope` keeps the person's own words.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from dialogs import catalog, fragments
from dialogs.content import Content, current_content
from dialogs.understanding.analyzer import Token, hiragana, reading_of
from dialogs.understanding.model import About, Entity, Evidence

FIRST_PERSON = frozenset(
    ("私", "僕", "俺", "自分", "わたし", "あたし", "うち", "わし", "ぼく", "おれ", "わたくし")
)
"""Lemmas by which the writer speaks of themself."""

SELF_DESCRIPTIONS = frozenset(
    ("シングル", "シングルマザー", "シングルファザー", "ひとり親", "一人親", "母子家庭", "父子家庭")
)
"""Words by which a parent tells of their own situation (「シングルで子ども2人育ててます」): the
sentence is about the writer, not the children named in it."""

RELATIVE_TO_RELATION = {
    **dict.fromkeys(("息子", "娘", "子供", "子", "長男", "次男", "長女", "次女", "末っ子", "倅"), "parent"),
    **dict.fromkeys(
        ("母", "父", "親", "お父さん", "お母さん", "母親", "父親", "両親"),
        "child",
    ),
    **dict.fromkeys(
        ("おかん", "おとん", "親父", "お袋"),
        "child",
    ),
    **dict.fromkeys(
        ("兄", "弟", "姉", "妹", "兄弟", "姉妹", "お兄さん", "お姉さん", "兄貴", "姉貴"), "sibling"
    ),
    **dict.fromkeys(("夫", "妻", "旦那", "嫁", "主人", "配偶者", "パートナー", "彼氏", "彼女"), "spouse"),
    **dict.fromkeys(("孫",), "grandparent"),
    **dict.fromkeys(
        ("祖母", "祖父", "おばあちゃん", "おじいちゃん", "甥", "姪", "叔父", "叔母", "伯父", "伯母"),
        "other_family",
    ),
}
"""A relative the writer mentions, and what the writer then is to them (息子 → the writer is a parent)."""

SELF_INTRODUCTION = {
    **dict.fromkeys(("母", "父", "母親", "父親", "親"), "parent"),
    **dict.fromkeys(("兄", "弟", "姉", "妹"), "sibling"),
    **dict.fromkeys(("妻", "夫"), "spouse"),
    **dict.fromkeys(("民生委員", "児童委員"), "minsei"),
    **dict.fromkeys(("ケアマネ", "ケアマネージャー", "ケアマネジャー"), "care_manager"),
    **dict.fromkeys(("担任", "教員", "教師", "先生", "スクールカウンセラー"), "school"),
    **dict.fromkeys(("地域包括", "包括"), "community_center"),
    **dict.fromkeys(("看護師", "ソーシャルワーカー", "保健師", "相談員", "ヘルパー"), "welfare_staff"),
}
"""What a writer calls themself (「母です」「民生委員をしています」) and the relation option it fills."""

SUPPORTER_ROLES = frozenset(v for v in SELF_INTRODUCTION.values() if v not in ("parent", "sibling", "spouse"))

_CONTACT = (
    (
        "line",
        re.compile(
            r"(line|らいん) ?(?:(?:message|messages|めっせーじ|とーく|chat) ?)?"
            r"(で|が|の方が|のほうが|のまま|だけ|のみ|いい|ok|おk|大丈夫|だいじょうぶ|is ok|is fine|please"
            r"|に(して|変え|かえ|お願い))"
            r"|このまま(line|ここ)|ここで(お願い|やりとり|話)"
        ),
    ),
    (
        "phone",
        re.compile(
            r"(電話|でんわ|携帯)(で|が|の方が|のほうが|に)\s?(連絡|お願い|いい|ええ|話|大丈夫|ください|下さい|ほし|欲し|も|助か|たすか)"
            r"|(連絡|れんらく)(は|を)\s?(電話|でんわ|携帯)で(?=[、,。]|$)"
            r"|(電話|でんわ)を?(?=(もらえ|もらい|いただけ|いただき|ください|下さい|くだされ|ほし|欲し))"
            r"|(電話|でんわ)に(?=して(ほし|欲し|ください|下さい|もらえ|いただけ))"
        ),
    ),
    ("email", re.compile(r"(めーる|mail|e-mail)(で|が|の方が|のほうが)")),
    (
        "line",
        re.compile(
            r"(文字|もじ|ちゃっと)(で|が)(ほし|欲し|お願い|おねがい|いい|やりとり|連絡|れんらく|返事|返信|へんじ|助か)"
        ),
    ),
    ("visit", re.compile(r"(窓口|そちら|事務所)(に|へ)(行|伺|うかが|出向)")),
)
_BARE_CONTACT = re.compile(
    r"\s*(?P<way>電話|でんわ|携帯|けいたい|line|らいん|めーる|mail)\s?(で|が|の方が|のほうが)?\s?"
    r"(いい|ええ|お願いします|おねがいします|お願い|おねがい|です|)\s?[。.!！]?\s*"
)
"""A reply that is only a way of contact (「電話」「電話で」「メールがいい」): the way the writer wants."""
_BARE_WAYS = {
    **dict.fromkeys(("電話", "でんわ", "携帯", "けいたい"), "phone"),
    **dict.fromkeys(("line", "らいん"), "line"),
    **dict.fromkeys(("めーる", "mail"), "email"),
}
_PHONE_REACHABLE = re.compile(
    r"(携帯|けいたい|すまほ)で[、,]|(電話|でんわ)(に|にも)?\s?(出れ|出られ|でれ|でられ)(?!ない|へん|ん)"
)
"""The writer can take a phone call (「携帯で、平日の午前中なら」「電話出れるで」)."""
_PHONE_WISH = re.compile(
    r"(電話|でんわ)で\s?[おご]?(話|はなし|相談|そうだん)(し|を)?\s?"
    r"(したい|したく|たい|たく|させて|を?希望|お願い|おねがい|することは?(?:でき|可能)|すことは?(?:でき|可能))"
)
"""A wish to talk on the phone (「お電話でお話ししたいのですが」「デンワデ ハナシタイ」「電話でご相談
したく」), even when a question about it follows: the way the writer wants to be reached."""
_NOT_CONTACT = re.compile(
    r"(電話|でんわ)\s?(は|が)?\s?(絶対|ぜったい)?に?\s?(苦手|にがて|怖|こわ|無理|むり|嫌|いや|出られ(?!ます|る|れば)|やめ|困|だめ|ダメ)"
    r"|(電話|でんわ)じゃなく"
)
_CONTACT_TIMES = (
    ("weekend", re.compile(r"土日|週末|土曜|日曜|休日")),
    ("weekday_daytime", re.compile(r"昼間|日中|ひるま|にっちゅう|昼のうち")),
    ("weekday_morning", re.compile(r"午前|朝")),
    ("weekday_afternoon", re.compile(r"午後|昼|日中")),
    ("weekday_evening", re.compile(r"夜|夕方|晩|よる|ゆうがた")),
    ("anytime", re.compile(r"いつでも")),
)
_LATE_NIGHT = re.compile(r"夜中|深夜|夜遅く|真夜中|よなか|しんや|夜更け")
"""A time no option fits (「夜中なら返せる」): kept as the person's words, never as 「平日の夕方以降」."""
LATE_NIGHT = "late_night"
"""The contact-time value for the late night: the draft keeps the words and no option."""
_HOURS = re.compile(r"(\d{1,2})\s?時(?:(?:から|〜|~|-)(\d{1,2})\s?時)?(より前|前|まで)?")
"""Hours of the clock (「10時から14時くらいなら」「19時より前なら」)."""
_HOUR_BANDS = ((12, "weekday_morning"), (17, "weekday_afternoon"), (24, "weekday_evening"))
_REACH_WORDS = re.compile(
    r"電話|でんわ|連絡|れんらく|時間帯|でれ|出れ|出られ|でられ|都合|つなが|返事|へんじ|返信|へんしん|返せ|かえせ|line|らいん"
)
_AVAILABLE = re.compile(
    r"(土日|週末|土曜|日曜|休日|午前|朝|午後|昼|日中|ひるま|にっちゅう|夜|夕方|晩|時)(中|間|の間|ごろ|頃|くらい|ぐらい|より前|前)?"
    r"(なら|やったら|だったら|であれば|だと|以降|が(いい|ええ|助か|うれしい|嬉しい|都合))"
    r"|\d\s?時(すぎ|過ぎ)(?!まで|に(起|寝|帰))"
)
_UNREACHABLE = re.compile(
    r"(出|で)(られ|れ)(ない|へん|ん|ず)|(取|と)れ(ない|へん|ん)|無理|むり|だめ|ダメ|避け|さけ|やめ|困|こま"
    r"|(でき|出来)(ない|ません|へん|ひん|ん)|(返|かえ)せ(ない|ません|へん|ん)"
)
"""A sentence that names a time only to say the writer cannot be reached then (「平日の昼間は仕事なので
電話には出られない」): that time is a caution, not the time to call."""
"""A time of day said as when the writer can be reached (「平日の夜やったら」「夕方以降だと」); with
`_REACH_WORDS` in the sentence (電話, 連絡, 出れる) any time named is. Not a story: 「夜中にすみません」
「夫は19時ごろ帰ってきます」「朝ごはんも食べてないなら」."""
_CONSIDERATION = re.compile(
    r"(ばれ|知られ|しられ|きかれ|聞かれ)(たくない|たくありません|たくな|る|ると|たら|ちゃう|ずに|ないように|ないよう)"
    r"|(連絡|れんらく)(は|を)?\s?(避け|さけ|控え|ひかえ)|経由で(お願い|おねがい|連絡|れんらく)"
    r"|(言わ|いわ|伝え|つたえ|知らせ|しらせ|連絡し|れんらくし)ないで"
    r"|(line|らいん|すまほ|携帯|けいたい|めーる|履歴|やりとり)を?(見られ|みられ)"
    r"|(携帯|けいたい|すまほ|電話|でんわ)(が|は|も)?\s?(もうすぐ|そろそろ|もう|)\s?(止まる|とまる|止められ|とめられ|使えなくな|つかえなくな)"
    r"|(電話|でんわ|家電|いえでん)\s?(は|が)?\s?(絶対|ぜったい)?に?\s?(やめ|むり|無理|困|だめ|苦手|にがて|怖|こわ)"
    r"|(電話|でんわ|家電|いえでん)\s?(に|へ)?(は|も)?\s?(絶対|ぜったい)?\s?(かけ|掛け)(ないで|んといて|ないよう)"
    r"|(来られる|こられる|来られ|来てもら|きてもら|来ていただ|きていただ|訪問|ほうもん|家に来|うちに来)"
    r"[^。]{0,6}(困|こま|嫌|いや|やめ|無理|むり)"
    r"|(郵便|手紙|書類)[^。]{0,12}(困|こま|やめ|送らないで)"
    r"|(電話|でんわ)(じゃ|では|で)なく(て)?[^。?？]{0,8}(文字|もじ|line|らいん|めーる|ちゃっと)"
    r"|(文字|もじ)(で|だけで)(の)?(お?返事|お?へんじ|返信|へんしん|連絡|れんらく|やりとり)"
    r"|(お?返事|お?へんじ|返信|へんしん|連絡|れんらく)(は|も)(文字|もじ)(で|だけ)"
    r"|(名前|なまえ)(は|を)?(出さ|言わ|いわ)ないで"
    r"|(内緒|ないしょ)(で|に|だ|です|にして)"
    r"|(言わ|いわ)んといて"
    r"|に(は|も)?(まだ)?(言い|いい|話し|はなし|伝え|つたえ|知らせ|しらせ|相談し|そうだんし)たくない"
    r"|に(は|も)?まだ(言っ|いっ|言う|いう|話し|はなし|伝え|つたえ|知らせ|しらせ|相談し|そうだんし)て"
    r"(へん|ない|いない|いません|ません|おらん|ねえ)"
    r"|(児童相談所|児相|じそう|じどうそうだん(じょ|しょ))(とか|に|へ|には|にも)?(は|も)?"
    r"(嫌|いや|やだ|やめ|無理|むり|こわ|怖|行きたくない|いきたくない|言わないで|いわないで|連絡しないで)"
    r"|(説教|せっきょう|責め|せめ|説得|せっとく|急かさ|せかさ|せかされ|否定|きつく言)[^。、]{0,6}?"
    r"(やめて|ないで|せんといて|されたくな|勘弁|かんべん)"
)
"""What a person asks to be careful about (配慮): not to be lectured or pressed (「説教はやめてほしい
くらい」「責めないでほしい」), being found out (「息子に知られずに相談できますか」),
being told on (「親にはまだ言わないでほしいです」「先生にはいいたくない」「嫁にはまだ言うてへん」), phone
calls (「電話は絶対にだめです」「家の電話にはかけないで」), answers in writing (「お返事も電話じゃなくて
文字でほしいです」),
visits (「来てもらうのも困ります」), letters, a 児童相談所 not wanted (「じそうとかはやだ」)."""
_REFUSED = re.compile(
    r"^[^。、,]{0,8}?(こわ|怖|恐|無理|むり|でき(な|ひん|へん|ん)|出来な|やめ|嫌|いや|苦手|不安|ぱにっく)"
    r"|^(け|か|きたく|かれ|行け|行か)(な|へん|ん)"
)
"""Fear or refusal right after a way of contact (「窓口に行くのがこわい」「電話で話すのは無理」): a
thing to avoid, not the way to be contacted."""
_UNANSWERED = re.compile(
    r"^[^。、,]{0,3}?(出|で)(ない|ません|ん[。、,]|ん$|へん|ねえ|られな|られへん|られん|れな|れへん|れん)"
)
"""A call not answered (「兄は電話にも出ません」): whoever does not answer, no wish to be phoned."""
_ASKED_IF_ONE_MAY_COME = re.compile(
    r"^[^。!?！？]{0,12}?(可能でしょうか|可能ですか|可能か|できますか|できるでしょうか|よろしいでしょうか|大丈夫でしょうか|大丈夫ですか)"
)
"""Whether coming to the window is possible, asked right after it (「本日中に窓口へ伺うことは可能で
しょうか」): a question about the window's hours, not the way the writer wants to be contacted."""
_ASKED_WAY = re.compile(r"^[^。!?！？\n]{0,16}?(?:[?？]|(?:か|かな|かね|やろか|でしょうか)\s*(?:[。、]|$))")
"""A way of contact asked about, not chosen (「FAXかメールでもいいですか」「LINEで大丈夫？」): the rest of
its sentence is a question."""
_REQUESTED = re.compile(r"お願い|おねがい|もらえ|いただけ|ください|下さい|くれ")
"""A request put as a question (「メールでお願いできますか」): the way is chosen."""


def _asked_way(after: str) -> bool:
    """Whether the words after a way of contact make it a question about that way, not a choice."""
    asked = _ASKED_WAY.search(after)
    return asked is not None and not _REQUESTED.search(asked.group(0))


_OWN_MATTER = re.compile(
    r"(自分|じぶん|私|わたし|あたし|僕|ぼく|俺|おれ|わし|うち)(自身|じしん)?の(こと|相談|そうだん|件)"
    r"(です|で[、。]|だよ|だって|なんです|なんだ|なの|やで|や[。!]|だ[。!]|[。!?]|$)"
    r"|(本人|ほんにん)(です|でございます|でござる|だよ|だ[。!]|や[。!]|やで|っす|になります)"
)
"""The writer says the consultation is about themself (「52歳、自分のことです」)."""
_INTRODUCED = re.compile(
    r"(?:(?:はじめまして|初めまして|夜分に?すみません|夜分遅くにすみません|すみません|こんにちは|こんばんは)"
    r"[、,]?\s?)?(?:\d{1,3}\s?(?:歳|才|さい)の?\s?)?(?:独身の?|無職の?)?"
    r"(男|女|男性|女性|おとこ|おんな)(?:です|だ|でございます|やで|っす)(?=[、,]|$)"
)
"""The writer introduces themself by age and sex (「52歳の男です」「34歳の男です」): they write as
themself; a relative named later (「親の年金で暮らしています」) does not make them family."""
_REASON = re.compile(r"(ので|から|ため)$")
_HOME_VISIT = re.compile(
    r"(家|いえ|うち|自宅|じたく)(まで|に|へ)(来|き)て(もら|いただ|くれ|ほし|欲し)"
    r"|(訪問|ほうもん)して(もら|いただ|くれ|ほし|欲し)"
)
"""A wish that someone comes to the home (「家まで来てもらうことはできますか」)."""
_KANA_PARENT = re.compile(
    r"(?:^|[、。,.!?\s]|(?:わたし|あたし|ぼく|おれ|うち)の)"
    r"(おや|おやじ|おとうさん|おかあさん|おとうちゃん|おかあちゃん|ぱぱ|まま|おとん|おかん)"
    r"(?=に|から|が|は|も|と|って|の)"
)
"""A parent named in kana (「おやに」「ままが」「ままのかれし」), which the analyzer may read as an
interjection (おや) or as 儘 (まま): only at the start or after 「ぼくの」, and followed by a particle."""
_AGE = re.compile(r"(\d{1,3})(歳|才|さい)")
_DECADE = re.compile(r"(\d0)(代|だい)")
_SCHOOL_YEAR = re.compile(
    r"(小学|中学|高校|大学|短大|専門学校|専門|しょうがく|ちゅうがく|こうこう|だいがく|小|中|高)の?\s?(\d)\s?"
    r"(?:年生|年|ねんせい|ねん)?"
)
_ADULT_SCHOOLS = frozenset(("大学", "短大", "専門学校", "専門", "だいがく"))
"""Schools whose students are grown (大学3年 is about 20), unlike 中2 or 高1."""
_STUDENT_INTRODUCED = re.compile(rf"{_SCHOOL_YEAR.pattern}(?:です|だ|っす|やで|で[、,])(?=[、,。]|$)")
"""The writer introduces themself by school year (「大学3年です」): they write as themself; the
parents they quarrel with (「親と揉めて」) do not make them family."""
_STUDENT_STATUS = re.compile(
    r"(?:(?:私|わたし|僕|ぼく|俺|おれ|自分|うち)(?:は|、|,)?\s?)?(?:いま|今)?\s?"
    r"(?P<school>大学院生|だいがくいんせい|院生|いんせい|大学生|だいがくせい|専門学校生|専門学生|せんもんがくせい|短大生|学生|がくせい)"
    r"(?:です|だ|っす|やで|や|で[、,]|ですが|ですけど|なんですが|なんですけど|なんだけど|なんやけど|やけど|やけん|だけど)"
    r"(?=[、,。!！?？\s]|$)"
)
"""The writer says they are a student (「大学生です」「院生です」「専門学生です」「学生です」): they write as
themself; a student named as someone's (「大学生の息子が」) is not the writer."""
_GROWN_STUDENTS = frozenset(
    (
        "大学院生",
        "だいがくいんせい",
        "院生",
        "いんせい",
        "大学生",
        "だいがくせい",
        "専門学校生",
        "専門学生",
        "せんもんがくせい",
        "短大生",
    )
)
"""Students who are grown (18〜39 unless an age says otherwise); 「学生」 alone may be at high school."""
_BARE_AGE = re.compile(
    r"(今年で|ことしで)?(?<![\d.,万円])(\d{1,3})\s?(?:歳|才|さい)?"
    r"(?=です|だよ|でした|で[、,]|じゃ|や(?:で|ねん)?$|になります|になりました|になる|になった)"
)
"""An age without 歳 (「息子は28です」「今年で37になります」): taken when the sentence names whose it is
or says 今年で."""
_AGE_OF_A_WORD_FOR_ONESELF = re.compile(
    r"(?<![\d.,万円])(\d{2})\s?の\s?(?:おっさん|おっちゃん|おじさん|おばさん|おばちゃん|おばはん|じじい|じじぃ|ばばあ|おやじ|"
    r"男|女|独身|無職|ニート|ひきこもり|引きこもり|オッサン|オバサン|オジサン)"
)
"""An age before a word a writer calls themself (「38のおっさんやけど」「45の独身男です」): theirs, when the
sentence names no relative."""
_OWN_BARE_AGE = re.compile(
    r"(?:^|[、。,.!?\s])(?:おれ|オレ|俺|ぼく|ボク|僕|うち|ウチ|わたし|あたし|私)\s?(\d{1,2})"
    r"(?=なん|だけど|だけれど|やけど|だし|だよ|です|だ$|\s?$|[、。,.!?\s])"
)
"""An age right after the writer's own word for themself, no 歳 (「おれ15なんだけど」「うち14やけど」)."""
_AGE_PAST = re.compile(r"(?<![\d.,万円])([2-9]0)\s?(?:歳|才|さい)?\s?を?(?:過ぎ|すぎ|超え|こえ)")
"""An age told as passed (「50過ぎると仕事ないね」「40すぎて」): the decade it opens."""
MIN_AGE, MAX_AGE = 1, 110
_CLAUSE_BREAK = re.compile(r"[、。,!?！？\n]")
_OTHER_MATTER = re.compile(
    r"払|滞納|滞って|家賃|電気|ガス|水道|料金|ローン|返済|借金|給料|給与|入院|住んで|在住|日本に来て"
    r"|(働いて|勤めて|勤務して|付き合って)(?!い?な)|勤続|在籍|結婚して|離婚して|別れて"
)
"""Words that make a time in the same clause about another matter (a bill, a stay in hospital, the
years in a job, since a marriage or a divorce: 「離婚して5年です」 is not how long the trouble lasts)."""
_DURATION = re.compile(
    r"(?<![\d.年])(\d{1,2}|半|はん)(年|ねん|とし|ヶ月|か月|カ月|ヵ月|ケ月|かげつ|ヶげつ)"
    r"(?!生|せい|前|まえ|度|代|後|齢|金|収|末|始|分|の春|の夏|じゃな|ではな|でわな|ちゃう|ちが|違)"
)
_CHILD_AGE_BEFORE = re.compile(
    r"(生後|せいご|生まれて|うまれて|産まれて|生まれてから|うまれてから|産まれてから)\s?$"
)
_CHILD_AGE_AFTER = re.compile(
    r"\s?(くらい|ぐらい|ほど)?\s?(の|になる|になった|になったばかりの|の小さい)\s?"
    r"(子|こ|赤ちゃん|あかちゃん|赤ん坊|あかんぼう|乳児|新生児|娘|息子|むすめ|むすこ|男の子|女の子|長男|長女|次男|次女|孫|ベビー|べびー)"
)
"""A baby's age, not how long the trouble has lasted: 「生後2ヶ月の子」, or months before a baby
(「2ヶ月の赤ちゃんがいます」; years are left alone: 「ひきこもって10年の息子」 is the trouble's length)."""
_NEARLY_AFTER = re.compile(
    r"\s?(近く|ちかく|弱|足らず|たらず|未満|手前|に(少し|ちょっと)?(届かない|満たない|ならない|ちょっと足りない))"
)
_NEARLY_BEFORE = re.compile(r"(ほぼ|ほとんど|もうすぐ|そろそろ|やがて)\s?$")
"""「10年ちかく」「ほぼ10年」「10年弱」: just short of the time told, so the band below it."""
_RECENT_START = re.compile(
    r"(先月|先週|今月|今週|先日|せんげつ|せんしゅう)"
    r"(から|に入って|に?\s?(辞め|やめ|クビ|くび|首に|失業|退職|解雇|離職|切られ|きられ))"
)
"""A start within the last weeks (「仕送り止まったのは先月から」「先月辞めた」): under half a year."""
_SINCE_AGO = re.compile(r"(\d{1,2}|半)(年|ヶ月|か月|カ月)前(?:から|に[^。!?！？\n]*から)")
"""A time since something that started it (「3年前に仕事をやめてから」「7年前から家にいます」)."""
_JOB_LOST_AGO = re.compile(
    r"(\d{1,2}|半)(年|ヶ月|か月|カ月|ヵ月|ケ月)(?:くらい|ぐらい|ほど)?前に?\s?(?:仕事|会社|職場|バイト)?(?:を|が|も)?\s?"
    r"(?:クビ|くび|首に|辞め|やめ|失業|退職|解雇|離職|切られ|きられ)"
)
"""A job lost some time ago (「3ヶ月前にクビになった」): how long the situation has lasted."""
_FROM_SCHOOL = re.compile(r"(高校|中学|大学|専門学校|学校)を(出て|卒業して|やめて|辞めて|中退して)から")
_LIVES_APART = re.compile(
    r"(別に|別々に|べつに|べつべつに|離れて|はなれて|別居して|べっきょして)\s?(住|す[んま]|暮ら|くら)"
    r"|(週末|しゅうまつ|土日|休み|休日|たまに|ときどき|時々|月に\d+回|週に\d+回|週\d+回|月\d+回)(だけ|に|は|ごと|)\s?"
    r"(様子|ようす|顔)(を|)\s?(見|み)に\s?(行|い[っくき]|来|き[てた]|帰|かえ|通|かよ)"
)
"""The writer lives apart and visits (「別に住んでて、週末だけ様子見に行ってる」)."""
_APART_DENIED = re.compile(
    r"^[^、。,!?！？\n]{0,6}?(?:は|とかは|も)?\s?(?:いない|いません|おりません|おらん|ない|ないです|ません|しない|してない|していない|"
    r"していません|しておりません|してません|ねえ|ねぇ|へん|ひん|ないよ)"
)
"""A denial right after the words of living apart (「離れて暮らしてはおりません」「別居はしてないです」)."""
_LIVES_TOGETHER = re.compile(
    r"同居(?:して|しと|中|です|でございます|しており|しとる|しよる)|どうきょ(?:して|中|です)|"
    r"一緒に(?:住|暮ら|くら)|いっしょに(?:住|す[んま]|暮ら|くら)|同じ家に(?:住|暮ら|くら|い)"
)
"""The writer lives with the family they write about (「同居しております」「一緒に住んでます」)."""
_APART_WORDS = re.compile(r"別居|べっきょ")
_FAMILY_MATTER = re.compile(
    r"(家族|かぞく|身内|みうち)(の|に|で)(こと|相談|そうだん|件|けん|ついて|問題)(?!じゃ|では|でわ|ちゃう|ちが|違)"
)
"""「家族のことです」: the writer asks as family, without yet saying who they are to whom; not
「家族のことじゃない」."""
_HOPE = re.compile(r"[^。!?\n]{2,40}?(てほしい|て欲しい|てもらいたい|たいです|たいと思って)")
_REPORTED = re.compile(r"\s?(?:と|って)(?:言|い|頼|たの|泣|な)")
"""A wish someone else said (「塾代を出してほしいと言っても」): reported, not the writer's hope."""
_SENTENCE = re.compile(r"[^。!?！？\n]+")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


ENGLISH_AMID_JAPANESE_WORDS = 4
"""A message with Japanese in it is English only with at least this many English words (「not tonight. I
must leave dormitory in 2 weeks. 12月15日まで。」)…"""

ENGLISH_LETTERS_PER_JAPANESE = 3
"""…and this many times more Latin letters than Japanese characters (a date or a name in kanji)."""


def language_of(text: str) -> Literal["ja", "en"]:
    """Return "en" for a message written in English words (a product name alone, 「LINE」「WiFi」, is not
    English; a date in kanji inside English does not make it Japanese), else "ja"."""
    names = fragments.WORDS["not_english_words"]
    words = [word for word in _LATIN_WORD.findall(text) if word.lower() not in names]
    japanese = len(_JAPANESE.findall(text))
    if not words:
        return "ja"
    if japanese == 0:
        return "en"
    letters = sum(len(word) for word in words)
    amid = len(words) >= ENGLISH_AMID_JAPANESE_WORDS and letters > ENGLISH_LETTERS_PER_JAPANESE * japanese
    return "en" if amid else "ja"


def _fold(text: str) -> str:
    """Return text in NFKC with katakana as hiragana and ASCII lowercased."""
    return hiragana(unicodedata.normalize("NFKC", text)).lower()


_DISTRICT_FORMS: dict[int, tuple[Content, tuple[tuple[str, str], ...]]] = {}
"""District forms per content object in use (another content file in use is read anew)."""


def _district_names() -> tuple[tuple[str, str], ...]:
    """Return (form, district id) pairs of the content in use: full names, names without 地区, readings."""
    content = current_content()
    cached = _DISTRICT_FORMS.get(id(content))
    if cached is None or cached[0] is not content:
        _DISTRICT_FORMS.clear()
        cached = _DISTRICT_FORMS[id(content)] = (content, _district_forms(content))
    return cached[1]


def _district_forms(content: Content) -> tuple[tuple[str, str], ...]:
    """The (form, district id) pairs of one content."""
    pairs: list[tuple[str, str]] = []
    for district in content.districts:
        stem = district.name.removesuffix("地区").removesuffix("地域")
        for form in {district.name, stem, reading_of(stem)}:
            if len(form) >= 2:
                pairs.append((_fold(form), district.id))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _band_of_age(age: int) -> str:
    """Return the intake's age band id for an age."""
    if age < 18:
        return "under_18"
    if age < 40:
        return "18_39"
    if age < 65:
        return "40_64"
    return "65_plus"


def duration_id(years: float) -> str:
    """Return the intake's duration id for a length of time in years."""
    if years < 0.5:
        return "under_6m"
    if years < 1:
        return "6m_1y"
    if years < 3:
        return "1y_3y"
    if years < 10:
        return "3y_10y"
    return "over_10y"


def _sentences(text: str) -> list[str]:
    """Split text into sentences."""
    return [s for s in _SENTENCE.findall(text) if s.strip()]


_FEARED = frozenset(("怖い", "こわい", "恐い", "恐ろしい"))
_SUBJECT_MARKERS = frozenset(("が", "は", "も"))
_AGENT_MARKERS = frozenset(("に", "から"))


def _is_relative(token: Token) -> bool:
    """Whether a word names a relative of the writer (息子, 夫, お母さん)."""
    return token.lemma in RELATIVE_TO_RELATION or token.surface in RELATIVE_TO_RELATION


def _writer_is_hurt(sentence_tokens: Sequence[Token]) -> bool:
    """Whether a relative is the one who hurts or frightens the writer (夫に殴られる, 夫が怖い)."""
    for i, token in enumerate(sentence_tokens[:-1]):
        if not _is_relative(token):
            continue
        marker, rest = sentence_tokens[i + 1].lemma, sentence_tokens[i + 2 :]
        if marker in _SUBJECT_MARKERS:
            return any(t.lemma in _FEARED for t in rest[:3])
        if marker in _AGENT_MARKERS:
            return any(t.lemma in ("れる", "られる") and t.pos == "助動詞" for t in rest)
    return False


MEANS_OF_LIVING = frozenset(
    ("年金", "金", "お金", "家", "実家", "すね", "脛", "収入", "仕送り", "貯金", "給料")
)
"""What a writer lives on or in that belongs to a relative (「親の年金で暮らしてます」): the relative is
not whom the sentence is about."""


def _possessive(tokens: Sequence[Token], at: int) -> bool:
    """Whether a person is named only as an owner: the writer of a relative (「うちの弟」「私の母」) or of
    money someone else spends (「わたしの年金をパチンコに使って」), or a relative of what the writer lives
    on (「親の年金で」「親の家に」)."""
    word = tokens[at]
    if at + 2 >= len(tokens) or tokens[at + 1].lemma != "の":
        return False
    owned = tokens[at + 2]
    if word.lemma in FIRST_PERSON or word.surface in FIRST_PERSON:
        return _is_relative(owned) or _spent_by_another(tokens, at + 2)
    return _is_relative(word) and (owned.lemma in MEANS_OF_LIVING or owned.surface in MEANS_OF_LIVING)


SPENDING = frozenset(("使う", "使い込む", "取る", "盗る", "持ち出す", "注ぎ込む", "つぎ込む", "巻き上げる"))
"""What someone does to money that is not theirs (「わたしの年金を使ってしまって」)."""


def _spent_by_another(tokens: Sequence[Token], at: int) -> bool:
    """Whether the money at `at` (年金, お金) is spent or taken (を … 使う) in the clause that follows."""
    owned = tokens[at]
    if owned.lemma not in MEANS_OF_LIVING and owned.surface not in MEANS_OF_LIVING:
        return False
    if at + 1 >= len(tokens) or tokens[at + 1].lemma != "を":
        return False
    for i in range(at + 2, min(at + 8, len(tokens))):
        if tokens[i].surface in ("、", "。", "!", "?", "！", "？"):
            return False
        if tokens[i].lemma in SPENDING or tokens[i].surface in SPENDING:  # not 使われて: the writer's
            return not any(t.lemma in ("れる", "られる") for t in tokens[i + 1 : i + 3])
    return False


def _only_an_owner(tokens: Sequence[Token]) -> bool:
    """Whether the writer is named only as the owner of money someone else spends (「わたしの年金を
    パチンコに使ってしまって」): the one who spends it is the one written of, not the writer."""
    named = [i for i, t in enumerate(tokens) if t.lemma in FIRST_PERSON or t.surface in FIRST_PERSON]
    return bool(named) and all(_possessive(tokens, i) for i in named)


def _who(sentence_tokens: Sequence[Token]) -> About:
    """Whom a sentence is about: the writer (私も…, 夫に殴られる), someone they name (息子が…), or unclear."""
    if _writer_is_hurt(sentence_tokens):
        return "self"
    tokens = [t for i, t in enumerate(sentence_tokens) if not _possessive(sentence_tokens, i)]
    lemmas = [t.lemma for t in tokens]
    surfaces = [t.surface for t in tokens]
    other = any(w in RELATIVE_TO_RELATION or w in ("本人", "あの子", "彼") for w in (*lemmas, *surfaces))
    own = any(w in FIRST_PERSON or w in SELF_DESCRIPTIONS for w in (*lemmas, *surfaces))
    if own and not other:
        return "self"
    if other and not own:
        return "other"
    if own and other:
        subjects = [t for t, after in itertools.pairwise(tokens) if after.lemma in _SUBJECT_MARKERS]
        for token in subjects or tokens:  # the first one named as the subject (俺が, 息子は) wins
            if {token.lemma, token.surface} & (FIRST_PERSON | SELF_DESCRIPTIONS):
                return "self"
            if token.lemma in RELATIVE_TO_RELATION or token.surface in RELATIVE_TO_RELATION:
                return "other"
    return "unknown"


CLAUSE_JOINS = frozenset(("けれど", "けど", "が", "のに", "し"))
"""Conjunctive particles after which a sentence starts a new clause (「親と住んでるけど俺が働けなくて」)."""


def _clauses(sentence_tokens: Sequence[Token]) -> list[tuple[str, tuple[Token, ...]]]:
    """Split a sentence's tokens into clauses (text, tokens) at 、 and conjunctive particles."""
    clauses: list[tuple[str, tuple[Token, ...]]] = []
    current: list[Token] = []
    for token in sentence_tokens:
        current.append(token)
        joins = token.pos == "助詞" and token.pos2 == "接続助詞" and token.lemma in CLAUSE_JOINS
        if joins or token.surface in ("、", ","):
            clauses.append(("".join(t.surface for t in current), tuple(current)))
            current = []
    if current:
        clauses.append(("".join(t.surface for t in current), tuple(current)))
    return clauses


def _who_wrote(sentence_tokens: Sequence[Token], words: Sequence[str]) -> About:
    """Whom the clause holding `words` is about (「…けど俺が働けなくて」), else its whole sentence."""
    for clause, clause_tokens in _clauses(sentence_tokens):
        if any(w and w in clause for w in words):
            who = _who(clause_tokens)
            if who == "self" and _only_reflexive(clause_tokens) and _who(sentence_tokens) == "other":
                return "other"  # 「兄は45歳で、もう20年くらい自分の部屋から出てきません」: his own room
            if who != "unknown":
                return who
    return _who(sentence_tokens)


REFLEXIVE = frozenset(("自分", "自身", "自分自身"))
"""Words that name the subject of their sentence, whoever it is (「兄は…自分の部屋から」)."""


def _only_reflexive(tokens: Sequence[Token]) -> bool:
    """Whether the only words naming the writer are reflexive (自分), which name the sentence's subject."""
    own = [t for t in tokens if t.lemma in FIRST_PERSON or t.surface in FIRST_PERSON]
    return bool(own) and all(t.surface in REFLEXIVE or t.lemma in REFLEXIVE for t in own)


def _split_tokens(tokens: Sequence[Token]) -> list[tuple[str, tuple[Token, ...]]]:
    """Group tokens into sentences (text, tokens)."""
    groups: list[tuple[str, tuple[Token, ...]]] = []
    current: list[Token] = []
    for token in tokens:
        if token.surface in ("。", "!", "?", "！", "？", "\n"):
            if current:
                groups.append(("".join(t.surface for t in current), tuple(current)))
            current = []
        else:
            current.append(token)
    if current:
        groups.append(("".join(t.surface for t in current), tuple(current)))
    return groups


def _mentions_other(tokens: Sequence[Token]) -> bool:
    """Tell whether the message names a relative or the person (本人) at all."""
    return any(t.lemma in RELATIVE_TO_RELATION or t.surface in RELATIVE_TO_RELATION for t in tokens)


def about_of_concerns(
    concerns: Iterable[str], evidence: Sequence[Evidence], tokens: Sequence[Token]
) -> tuple[tuple[str, About], ...]:
    """Pair each concern with whom it is about, from the sentence its evidence stands in."""
    sentences = _split_tokens(tokens)
    default: About = "unknown" if _mentions_other(tokens) or _only_an_owner(tokens) else "self"
    out: list[tuple[str, About]] = []
    folded = [_fold(sentence) for sentence, _ in sentences]
    for concern in concerns:
        words = [e.matched for e in evidence if e.label == f"concern:{concern}"]
        folded_words = [_fold(w) for w in words if w]
        who: About = "unknown"
        for (sentence, sentence_tokens), folded_sentence in zip(sentences, folded, strict=True):
            if any(w in sentence for w in words if w) or any(w in folded_sentence for w in folded_words):
                who = _who_wrote(sentence_tokens, words)
                if who != "unknown":
                    break
        if who == "unknown":
            who = default if default == "self" else _carry_over(sentences, words)
        out.append((concern, who))
    return tuple(out)


def _carry_over(sentences: Sequence[tuple[str, tuple[Token, ...]]], words: Sequence[str]) -> About:
    """A sentence without a subject continues the last one that named someone (息子は…。毎日寝ている)."""
    last: About = "unknown"
    for sentence, sentence_tokens in sentences:
        who = _who(sentence_tokens)
        if who != "unknown":
            last = who
        if any(w and w in sentence for w in words):
            return last
    return last


def _relation(tokens: Sequence[Token]) -> Entity | None:
    """Find what the writer is to the person they write about (母です → parent; 息子が → parent)."""
    for i, token in enumerate(tokens):
        name = _name_of(token, SELF_INTRODUCTION)
        if name is not None and _introduction_at(tokens, i):
            return Entity("relation", SELF_INTRODUCTION[name], "self", token.surface)
    for token in tokens:
        name = token.lemma if token.lemma in RELATIVE_TO_RELATION else token.surface
        if name in RELATIVE_TO_RELATION:
            return Entity("relation", RELATIVE_TO_RELATION[name], "self", token.surface)
    return None


OWN_CHILDREN = dict.fromkeys(("息子", "娘", "長男", "次男", "長女", "次女"), "parent")
"""Words for one's own grown child: a writer who tells of them (「息子が…」「娘は…」) is their parent
(「子どもが2人います」 only says there are children)."""

TOPIC_WORDS = frozenset(("こと", "件", "相談", "事"))
"""Nouns after 「息子の」 that make the relative the topic of the consultation (息子のことで)."""


def _name_of(token: Token, names: Mapping[str, str]) -> str | None:
    """The key of `names` a word is (by lemma or as written), or None."""
    if token.lemma in names:
        return token.lemma
    return token.surface if token.surface in names else None


_SAYS_ROLE = (["を", "する"], ["を", "遣る"], ["の", "者"], ["を", "務める"])
"""「民生委員をしています」「民生委員をやっている者です」「民生委員の者ですが」: the writer's own role."""


def _introduction_at(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word at `at` is what the writer calls themself (「母です」「民生委員をしている」);
    not a word that says who someone else is (「65歳以上は母です」)."""
    after = [t.lemma for t in tokens[at + 1 : at + 3]]
    named = _name_of(tokens[at], SELF_INTRODUCTION) is not None
    says = named and bool(after) and (after[0] in ("です", "だ", "として", "遣る") or after[:2] in _SAYS_ROLE)
    return says and not _asks_about(tokens, at) and not _other_topic_before(tokens, at)


def _asks_about(tokens: Sequence[Token], at: int) -> bool:
    """Whether the words after a name ask about it (「地域包括でしょうか」「包括ですか」): a place the
    writer asks whether to go to, not what they are."""
    after = tokens[at + 1 : at + 3]
    guessed = bool(after) and after[0].surface.startswith(("でしょ", "だろ"))
    return guessed or any(t.lemma == "か" and t.pos2 == "終助詞" for t in after)


def _other_topic_before(tokens: Sequence[Token], at: int) -> bool:
    """Whether the sentence before `at` has a topic other than the writer (「65歳以上は」, not 「私は」)."""
    start = max((i + 1 for i, t in enumerate(tokens[:at]) if t.surface in ("。", "!", "?", "\n")), default=0)
    for i in range(start + 1, at):
        if tokens[i].lemma in ("は", "が") and tokens[i].pos == "助詞":
            topic = tokens[i - 1]
            if topic.lemma not in FIRST_PERSON and topic.surface not in FIRST_PERSON:
                return True
    return False


def _introduces_self(tokens: Sequence[Token]) -> bool:
    """Whether a sentence is the writer's self-introduction naming no one else (「72歳の母です」, not
    「46歳の息子の母です」): its age is theirs."""
    introduced = [i for i in range(len(tokens)) if _introduction_at(tokens, i)]
    others = [i for i, t in enumerate(tokens) if _is_relative(t) and i not in introduced]
    return bool(introduced) and not others


_NOT_THE_TOPIC = re.compile(
    r"\s?(?:は|も)?\s?(?:じゃな|やな|ではな|でわな|ちゃう|ちゃいま|とちが|と違|じゃあり|ではあり|でな)"
)
"""Words that say a relative is not the topic (「子どものことやなくて お金がない」「息子のことじゃない」)."""


def _writer(tokens: Sequence[Token]) -> Entity | None:
    """What the writer says of themself (「母です」), else whom they consult about (「息子のことで」,
    「息子が部屋から出てこない」)."""
    for i, token in enumerate(tokens):
        name = _name_of(token, SELF_INTRODUCTION)
        if name is not None and _introduction_at(tokens, i):
            return Entity("writer", SELF_INTRODUCTION[name], "self", token.surface)
    for i, token in enumerate(tokens):
        name = _name_of(token, RELATIVE_TO_RELATION)
        lemmas = [t.lemma for t in tokens[i + 1 : i + 3]]
        topic = lemmas == ["に", "つく"] or (lemmas[:1] == ["の"] and lemmas[1:] and lemmas[1] in TOPIC_WORDS)
        denied = _NOT_THE_TOPIC.match("".join(t.surface for t in tokens[i + 3 : i + 8]))
        if name is not None and topic and not denied:
            return Entity("writer", RELATIVE_TO_RELATION[name], "other", token.surface)
    for i, token in enumerate(tokens[:-1]):
        if _name_of(token, OWN_CHILDREN) and tokens[i + 1].lemma in _SUBJECT_MARKERS:
            return Entity("writer", "parent", "other", token.surface)
    return None


NEIGHBOUR_ROLE = "other_supporter"
"""The relation option a neighbour writes under: the form has no neighbour of its own."""


def _neighbour(text: str) -> Entity | None:
    """A writer who says they are a neighbour (「近所の者です」), or who writes of a neighbour
    (「隣のおばあちゃん、最近見かけない」): a supporter, not the person nor family."""
    if fragments.holds_word_of(text, "neighbour_introduced"):
        return Entity("writer", NEIGHBOUR_ROLE, "self", text.strip())
    named = fragments.neighbour_written_of(text)
    return Entity("writer", NEIGHBOUR_ROLE, "other", named) if named else None


PARENTS_PARTNER = re.compile(
    r"(?:(?:お)?(?:かあ|かー|母)(?:さん|ちゃん)|母親?|まま|おかん|おふくろ|お袋)の"
    r"(?:彼氏|かれし|恋人|こいびと|再婚相手|交際相手|内縁の夫|男|おとこ|彼(?!女))"
    r"|継父|継母|ままちち|ままはは"
)
"""A parent's partner or a step-parent (「かあさんの彼氏」「ママの彼氏」「継父」), in folded text: the writer
is the child in that home, not that person's partner."""


def _parents_partner(folded: str) -> Entity | None:
    """A parent's partner named (「かあさんの彼氏に」): the writer is a child of the home."""
    match = PARENTS_PARTNER.search(folded)
    return Entity("relation", "child", "self", match.group(0)) if match else None


def _kana_parent(folded: str) -> Entity | None:
    """A parent named in kana that the analyzer missed: the writer is their child (おやになぐられる)."""
    match = _KANA_PARENT.search(folded)
    return Entity("relation", "child", "self", match.group(1)) if match else None


def _ages(tokens: Sequence[Token]) -> list[Entity]:
    """Find ages (45歳, 息子は28です, 今年で37), decades (40代) and school years (中2, ちゅうがく2ねん).

    Each is about whom its sentence names, else whom the last sentence before it named (「息子は…。
    今年で37になります」); a sentence after none that named anyone leaves it `unknown`, as does an age
    opening a sentence, not joined to the words after it (「25歳 会社員 親にはいわないで」, not 「38歳に
    なる息子」), that names a relative only after it.
    """
    out: list[Entity] = []
    last: About = "unknown"
    sentences = _split_tokens(tokens)
    own = _own_age_first(sentences)
    if own is not None:
        out += own
        sentences = sentences[1:]
        last = "self"
    for sentence, sentence_tokens in sentences:
        folded = unicodedata.normalize("NFKC", sentence)
        named = _who(sentence_tokens)
        before = last  # an age opening a sentence that names a relative after it is not theirs
        who = named if named != "unknown" else last
        last = who
        introduced = _introduces_self(sentence_tokens)
        if introduced:
            who = "self"  # 「72歳の母です」: the writer's own age, not her son's
        if not any(ch.isdigit() for ch in folded):
            continue
        ages = _SCHOOL_YEAR.sub(lambda m: " " * len(m.group(0)), folded)
        for match, age, said in (
            *((m, m.group(1), True) for m in _AGE.finditer(ages)),
            *((m, m.group(2), named != "unknown" or bool(m.group(1))) for m in _BARE_AGE.finditer(ages)),
            *((m, m.group(1), True) for m in _AGE_PAST.finditer(ages)),
        ):
            if _AGE_RANGE.match(ages, match.end()):
                continue
            owner = None if introduced else _age_owner(folded, *match.span())
            if owner is not None:
                out += _age(int(age), *owner)
            elif said or _AGE_ALONE.fullmatch(ages.strip()):
                follows = ages[match.end() :][:1]
                opens = not ages[: match.start()].strip() and not "\u3041" <= follows <= "\u309f"
                out += _age(int(age), before if opens else who, match.group(0))
        if named != "other":
            for match in _AGE_OF_A_WORD_FOR_ONESELF.finditer(ages):
                out += _age(int(match.group(1)), "self", match.group(0))
        for match in _OWN_BARE_AGE.finditer(ages):
            out += _age(int(match.group(1)), "self", match.group(0).lstrip("、。,.!? "))
        for match in _BRACKETED_AGE_OF_RELATIVE.finditer(ages):
            out += _age(int(match.group(1)), "other", match.group(0))
        for match in _BARE_AGE_OF_RELATIVE.finditer(ages):
            out += _age(int(match.group(1)), "other", match.group(0))
        for match in _OWNED_BARE_AGE.finditer(ages):
            about: About = "self" if match.group(1) in FIRST_PERSON else "other"
            out += _age(int(match.group(2)), about, match.group(0))
        for match in _DECADE.finditer(folded):
            decade = int(match.group(1))
            if 10 <= decade <= 100:  # whose, as for an age: 「両親は80代で」 is the parents'
                owner = None if introduced else _age_owner(folded, *match.span())
                about, words = owner or (who, match.group(0))
                out.append(Entity("age_band", _band_of_age(decade), about, words))
        for match in _SCHOOL_YEAR.finditer(folded):
            band = "18_39" if match.group(1) in _ADULT_SCHOOLS else "under_18"
            out.append(Entity("age_band", band, who, match.group(0)))
    return out


def _own_age_first(sentences: Sequence[tuple[str, tuple[Token, ...]]]) -> list[Entity] | None:
    """The writer's own age, said alone before they tell of a relative (「42歳です。78歳の父の介護を
    しています」): one introduces oneself first. None when the message does not open so."""
    if len(sentences) < 2:
        return None
    opening = unicodedata.normalize("NFKC", sentences[0][0]).strip()
    found = _AGE_ALONE.fullmatch(opening)
    age = re.search(r"\d{1,3}", opening) if found else None
    if age is None or not any(_who(tokens) == "other" for _, tokens in sentences[1:]):
        return None
    return _age(int(age.group(0)), "self", opening)


YOUNGEST_SIGNED_AGE = 13
"""The youngest age a bare number ending a message is taken as (「大学やめてバイトもへった 19」)."""

_SAID = frozenset(("動詞", "形容詞", "助動詞"))
"""Parts of speech that end a statement (へった, やばい, 働けない), after which a bare number stands alone."""


def _age_signed_off(tokens: Sequence[Token]) -> list[Entity]:
    """The writer's age as a bare number ending a message about themself, after what they said
    (「大学やめてバイトもへった 19」「もう働けない、58」); not a count after a noun (「残り 19」「時給 10」),
    nor with a relative named (the number could be theirs)."""
    words = [t for t in tokens if t.pos not in ("補助記号", "空白")]
    if len(words) < 2 or _mentions_other(tokens):
        return []
    last, before = words[-1], words[-2]
    said = before.pos in _SAID or before.pos2 == "終助詞"
    if not (said and last.pos2 == "数詞" and last.surface.isdigit() and len(last.surface) == 2):
        return []
    age = int(unicodedata.normalize("NFKC", last.surface))
    return _age(age, "self", last.surface) if age >= YOUNGEST_SIGNED_AGE else []


_CORRECTED_AGE = re.compile(
    r"(?<![\d.])(\d{2,3})\s?(?:歳|才)?\s?(?:じゃなくて|じゃなく|ではなくて|ではなく|でなく|やなくて|ちゃうくて)"
    r"\s?(\d{2,3})(?![\d.年月日時分円万人回%])"
)
"""An age corrected by numbers alone (「62じゃなくて67」): the second is the age."""


_KANA_ONES = {
    "いっ": 1, "いち": 1, "に": 2, "さん": 3, "よん": 4, "ご": 5, "ろく": 6,
    "なな": 7, "しち": 7, "はっ": 8, "はち": 8, "きゅう": 9,
}  # fmt: skip
_KANA_TENS = {"": 1, "に": 2, "さん": 3, "よん": 4, "ご": 5, "ろく": 6, "なな": 7, "はち": 8, "きゅう": 9}
_KANA_AGE = re.compile(
    r"(?:(?<=[はがもでのとに])|(?<![\u3041-\u3096\u30fc]))"
    r"(?:(?P<tens>に|さん|よん|ご|ろく|なな|はち|きゅう)?(?:じゅう|じゅっ)"
    r"(?P<ones>いっ|いち|に|さん|よん|ご|ろく|なな|しち|はっ|はち|きゅう)?"
    r"|(?P<alone>に|よん|ご|ろく|なな|しち|はっ))"
    r"(?:さい|歳|才)"
    r"(?=$|です|でーす|だ|や|じゃ|の|で|にな|くらい|ぐらい|ね|よ|な|[、。,.!！?？\s…])"
)
"""An age written in kana (「じゅうごさい」「じゅうななさいです」「にじゅうごさい」「ななさいの子」): a number
word before さい, on its own (not 「ほんとうにさいごに」「いっさいない」 nor 「さいきん」); a lone さん or
きゅう before さい is 山菜 or 救済 (「きゅうさいの制度」), never read as 3 or 9."""


def _kana_ages(text: str) -> list[Entity]:
    """Ages written in kana numbers (「じゅうごさい」 is 15), about whom is not told."""
    folded = hiragana(unicodedata.normalize("NFKC", text))
    found: list[Entity] = []
    for match in _KANA_AGE.finditer(folded):
        if match.group("alone"):
            age = _KANA_ONES[match.group("alone")]
        else:
            age = 10 * _KANA_TENS[match.group("tens") or ""] + _KANA_ONES.get(match.group("ones") or "", 0)
        found += _age(age, "unknown", match.group(0))
    return found


def _corrected_age(text: str) -> list[Entity]:
    """The age a correction by numbers gives (「62じゃなくて67」 → 67), of whoever the form is about."""
    found = _CORRECTED_AGE.search(unicodedata.normalize("NFKC", text))
    if found is None or int(found[1]) < YOUNGEST_SIGNED_AGE:
        return []
    return _age(int(found[2]), "unknown", found.group(0))


def words_pattern(words: Iterable[str]) -> str:
    """An alternation of words, longest first, for a regular expression."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_AGE_OWNER_BEFORE = re.compile(
    rf"({words_pattern(FIRST_PERSON)}|{words_pattern(RELATIVE_TO_RELATION)})(?:は|が|も|って)"
)
_AGE_OWNER_AFTER = re.compile(rf"の\s?({words_pattern(RELATIVE_TO_RELATION)})(?!です|だ|として)")
_OWNED_BARE_AGE = re.compile(
    rf"({words_pattern(FIRST_PERSON)}|{words_pattern(RELATIVE_TO_RELATION)})(?:は|も)(?:もう|今年で)?(\d{{1,3}})"
    r"(?=で|じゃ|や|、|,|$)"
)
"""An age without 歳 right after whose it is (「母は80で足が悪い」「わしは52じゃ」)."""
_BARE_AGE_OF_RELATIVE = re.compile(
    rf"(?<![\d.,万円年月日時分人回])(\d{{1,3}})\s?の\s?(?:{words_pattern(RELATIVE_TO_RELATION)})(?!です|だ|として)"
)
"""An age without 歳 right before whose it is (「24の息子が」)."""
_BRACKETED_AGE_OF_RELATIVE = re.compile(
    rf"(?:{words_pattern(RELATIVE_TO_RELATION)})\s?\(\s?(\d{{1,3}})\s?(?:歳|才|さい)?\s?\)"
)
"""An age in brackets after whose it is (「娘(26)が」)."""
_AGE_ALONE = re.compile(r"(?:今年で)?\d{1,3}\s?(?:歳|才|さい)?(?:です|だ|や|じゃ|になります)?")
"""A sentence that is only an age (「35です」): the writer's answer to whose age is being told."""
_AGE_RANGE = re.compile(r"\s?(?:以上|以下|未満|より(?:上|下)|から|まで)")
"""An age said as a band's bound (「65歳以上は母です」), not anyone's age."""


def _age_owner(sentence: str, start: int, end: int) -> tuple[About, str] | None:
    """Whose an age is, from the words around it: 「22歳の息子」 (the son's), 「私は47歳で」 (the
    writer's), 「母は70で」 (the mother's); with the words that say so. None when they do not say."""
    after = _AGE_OWNER_AFTER.match(sentence, end)
    if after is not None:
        return "other", sentence[start : after.end()]
    owners = list(_AGE_OWNER_BEFORE.finditer(sentence, 0, start))
    if not owners:
        return None
    owner = owners[-1]
    about: About = "self" if owner.group(1) in FIRST_PERSON else "other"
    return about, sentence[owner.start() : end]


_NOT_A_HUSBAND = re.compile(r"大?丈夫")
"""「大丈夫」「丈夫」 (all right, sturdy), whose 夫 is no husband."""


def relative_named(words: str) -> str | None:
    """What the writer is to the relative named in `words` (「母は70」 → child), else None (the 夫 of
    「大丈夫」 names no one)."""
    found = re.search(words_pattern(RELATIVE_TO_RELATION), _NOT_A_HUSBAND.sub("", words))
    return RELATIVE_TO_RELATION[found.group(0)] if found else None


def _relative_beside_own_age(ages: Sequence[Entity]) -> Entity | None:
    """A writer who gives their own age beside a relative's (「親父は78で…。わしは52じゃ」) writes as
    that relative's family."""
    own = any(
        e.kind == "age"
        and e.about == "self"
        and (_AGE_OWNER_BEFORE.match(e.matched) or _AGE_ALONE.fullmatch(e.matched))
        for e in ages
    )
    relatives = [e.matched for e in ages if e.kind == "age" and e.about == "other"]
    relation = next((r for r in map(relative_named, relatives) if r is not None), None)
    return Entity("writer", relation, "other", relatives[0]) if own and relation else None


def _age(age: int, who: About, words: str) -> list[Entity]:
    """An age and its band, when it can be a person's age."""
    if not MIN_AGE <= age <= MAX_AGE:
        return []
    return [Entity("age", str(age), who, words), Entity("age_band", _band_of_age(age), who, words)]


def _durations(text: str) -> list[Entity]:
    """Find how long the situation has lasted (20年, 半年くらい, 3年前に…てから): the longest time
    told, since a later detail (「ここ1年は顔を合わせていない」) lies within it.

    Not a school year (ちゅうがく2ねん), not a baby's age (「生後2ヶ月の子がいます」), and not a time in
    another matter's clause (「電気代も2か月払えてなくて」 is how long a bill is unpaid, not how long the
    situation has lasted).
    """
    folded = _SCHOOL_YEAR.sub(" ", unicodedata.normalize("NFKC", text))
    found: list[tuple[float, Entity]] = []
    for match in (*_DURATION.finditer(folded), *_SINCE_AGO.finditer(folded), *_JOB_LOST_AGO.finditer(folded)):
        if _OTHER_MATTER.search(_clause_around(folded, match.start(), match.end())):
            continue
        months = match.group(2) not in ("年", "ねん", "とし")
        if _CHILD_AGE_BEFORE.search(folded, 0, match.start()) or (
            months and _CHILD_AGE_AFTER.match(folded, match.end())
        ):
            continue  # 「生後2ヶ月の子」「2ヶ月の赤ちゃん」: a baby's age
        amount = 0.5 if match.group(1) in ("半", "はん") else float(match.group(1))
        years = amount if match.group(2) in ("年", "ねん", "とし") else amount / 12
        if _NEARLY_AFTER.match(folded, match.end(2)) or _NEARLY_BEFORE.search(folded, 0, match.start()):
            years -= 1 / 365
        found.append((years, Entity("duration", duration_id(years), "other", match.group(0))))
    for match in _RECENT_START.finditer(folded):
        found.append((1 / 12, Entity("duration", duration_id(1 / 12), "other", match.group(0))))
    return [max(found, key=lambda pair: pair[0])[1]] if found else []


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause (between 、。 and the like) holding text[start:end]."""
    begins = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = _CLAUSE_BREAK.search(text, end)
    return text[begins[-1] if begins else 0 : after.start() if after else len(text)]


_LEAVING_AGE = {"中学": 15, "高校": 18, "専門学校": 20, "大学": 22, "学校": 18}


def _since_school(text: str, found: Sequence[Entity]) -> list[Entity]:
    """Turn 「高校を出てから」 into a duration when the person's age is known too."""
    match = _FROM_SCHOOL.search(unicodedata.normalize("NFKC", text))
    ages = [int(e.value) for e in found if e.kind == "age"]
    if match is None or not ages or any(e.kind == "duration" for e in found):
        return []
    years = ages[0] - _LEAVING_AGE[match.group(1)]
    return [Entity("duration", duration_id(years), "other", match.group(0))] if years > 0 else []


_NOT_THIS = r"(?:ではなく|じゃなく|でなく|やなく|ちゃう|じゃない|ではない)"
"""Words after a name that say it is not the one (「北山地区ではなく南浜地区でした」)."""


def _district(folded: str) -> Entity | None:
    """Find a district by name, name without 地区, or reading (中央や, 北山のほう, ちゅうおう); not
    one said not to be it (「北山地区ではなく」)."""
    for form, district_id in _district_names():
        if form in folded and not re.search(rf"{re.escape(form)}(?:地区)?{_NOT_THIS}", folded):
            return Entity("district", district_id, "self", form)
    return None


_PART_OF_TOWN = re.compile(r"(?:北|南|東|西|中)(?:部|側)(?:地区|地域|の方|のほう|あたり)?")
"""A part of the town (「南部」「北部」「西側」) that may not be one of the municipality's districts."""

_WHERE_ONE_LIVES = re.compile(r"地区|地域|住所|住ん|すんで|住まい|実家|市の|町の|エリア|あたり")
"""Words that make a part of the town where someone lives (「地区は南部」「実家はつなぐ市の北部です」)."""


def _part_of_town(text: str) -> Entity | None:
    """A part of the town told as where one lives when no district of the content is named: kept as
    the words (`district_words`), never guessed to be a district (「南部」 is not 南浜地区)."""
    part = _PART_OF_TOWN.search(text)
    if part is None or not _WHERE_ONE_LIVES.search(text):
        return None
    return Entity("district_words", part.group(0), "self", part.group(0))


def _avoided_contact(folded: str) -> bool:
    """Whether the text names a way of contact only to say it is feared or impossible (「窓口に行くのが
    こわいです」)."""
    for _, pattern in _CONTACT:
        for found in pattern.finditer(folded):
            if _REFUSED.search(folded[found.end() :]):
                return True
    return False


_NOT_THIS_WAY = re.compile(r"(?:\bno|\bnot|\bnever|n't|\bdont|\bwithout)\s?$")
"""English words before a way that refuse it (「no LINE message please, phone is better」)."""

_CALLS_OF_OTHERS = ("からの", "からは", "から")
"""Words before a phone that make it someone's calls (「兄は私からの電話にも出ません」), not a wish to
be called."""


_LINE_UNSAFE = re.compile(
    r"(line|らいん)[^。!?！？]{0,14}?(見られ|みられ|ばれ|バレ|ちぇっくされ|覗かれ|のぞかれ|危な|あぶな|こわ|怖|まず|やば)"
)
"""This LINE said to be unsafe for contact (「連絡はLINEだと見られるので」「ラインだと旦那にばれるから」):
staff must not write there."""


_LINE_UNREADABLE = re.compile(
    r"(line|らいん)[^。!?！？]{0,6}?(よう\s?み(れ|ら)ん|よう見(れ|ら)ん|読めな|よめな|読めん|よめん|見れな|みれな|見れん|みれん"
    r"|見られへん|みられへん|使えな|つかえな|使えん|つかえん|わからな|わからん|苦手|にがて)"
)
"""This LINE said to be hard for the writer to read (「ラインハ ヨウミレン。デンワガ エエ」): staff reach
them another way, never an answer left here."""


def _line_unsafe(folded: str) -> Entity | None:
    """This LINE said to be unsafe as the way to be reached, beside another way or time asked for (「連絡は
    LINEだと見られるので…電話をもらえませんか」): a caution for the 受付票, never the way to be contacted."""
    found = _LINE_UNSAFE.search(folded)
    unreadable = _LINE_UNREADABLE.search(folded) if found is None else None
    if unreadable is not None and _REACH_WORDS.search(folded):
        return Entity("line_unsafe", "unreadable", "self", unreadable.group(0))
    if found is None:
        return None
    if not (_REACH_WORDS.search(folded[found.end() :]) or _REACH_WORDS.search(folded[: found.start()])):
        return None
    return Entity("line_unsafe", "line", "self", found.group(0))


def _contact(folded: str) -> Entity | None:
    """Find how the writer wants to be contacted (電話でお願いします, 電話, LINEだけで, 携帯で、…なら
    出れます); not a way they fear or cannot use (「窓口に行くのがこわい」), nor coming asked about
    (「伺うことは可能でしょうか」)."""
    bare = _BARE_CONTACT.fullmatch(folded)
    if bare is not None:
        return Entity("contact", _BARE_WAYS[bare["way"]], "self", bare.group(0).strip())
    line_unsafe = _LINE_UNSAFE.search(folded) is not None
    for option, pattern in _CONTACT:
        if option == "line" and line_unsafe:
            continue  # 「LINEで連絡すると見られるので電話で」: not LINE
        for found in pattern.finditer(folded):
            after = folded[found.end() :]
            asked = (option == "visit" and _ASKED_IF_ONE_MAY_COME.search(after)) or _asked_way(after)
            before = folded[: found.start()]
            because = re.search(r"(る|た|い|だ|ん)から$", before) is not None  # 「ばれるから電話にして」
            someone_elses = before.endswith(_CALLS_OF_OTHERS) and not because  # 「私からの電話にも」
            refused = _REFUSED.search(after) or _NOT_THIS_WAY.search(folded[: found.start()])
            unanswered = _UNANSWERED.search(after)
            if not refused and not asked and not someone_elses and not unanswered:
                return Entity("contact", option, "self", found.group(0))
    wish = _PHONE_WISH.search(folded)
    if wish is not None and not _REFUSED.search(folded[wish.end() :]):
        return Entity("contact", "phone", "self", wish.group(0))
    if _NOT_CONTACT.search(folded):
        return None
    if (reachable := _PHONE_REACHABLE.search(folded)) is not None:
        return Entity("contact", "phone", "self", reachable.group(0))
    return None


def _also(contact: Entity, text: str) -> Entity:
    """A way of contact said as also fine (「電話でも大丈夫です」), with the sentence saying it: it adds
    to the way already given instead of replacing it."""
    if not contact.matched.endswith("も"):
        return contact
    sentence = next((s.strip() for s in _sentences(text) if contact.matched in _fold(s)), contact.matched)
    return Entity("contact_also", contact.value, contact.about, sentence)


_EN_AFTER_HOUR = re.compile(r"\bafter\s+(\d{1,2})(?:[:.](\d{2}))?\s*(pm|p\.m\.|am|a\.m\.)?")
"""An hour from which the writer can be reached, in English (「after 6pm」「after 18:00」「after 6」)."""
_EN_PARTS_OF_DAY = (
    ("weekday_evening", re.compile(r"\bevenings?\b|\bat night\b|\bafter work\b")),
    ("weekday_morning", re.compile(r"\bmornings?\b")),
    ("weekday_afternoon", re.compile(r"\bafternoons?\b")),
    ("weekend", re.compile(r"\bweekends?\b|\bsaturdays?\b|\bsundays?\b")),
    ("anytime", re.compile(r"\bany ?time\b")),
)
"""Parts of the day named in English (「only evenings」「weekends」)."""
_EN_TIME_ONLY = re.compile(
    r"\b(?:only|just|please|pls|in|the|on|at|is|are|ok|okay|fine|best|better|good|for me|me|thanks?"
    r"|thank you)\b"
)
"""Words that leave a message a time alone (「evenings only please」), not a story (「I work in the
evenings」)."""
_EN_REACH = re.compile(r"\b(?:call|calls|phone|text|message|contact|reach|available|answer|line)\b")
"""English words that make a time named beside them the time to be reached."""
EVENING_FROM = 17
"""An hour from which 「after …」 is the evening option (平日の夕方以降)."""


def _english_contact(text: str) -> list[Entity]:
    """How and when a writer of English wants to be reached (「call me after 6pm」「only evenings」「text me,
    don't call」): the way (phone, this LINE), the time (an hour kept as 「18時以降」 beside her words), and
    calls turned down as a caution; not a time in a story (「my husband comes home after 6pm」)."""
    if _JAPANESE.search(text) or not _LATIN_WORD.search(text):
        return []
    lowered = unicodedata.normalize("NFKC", text).lower().strip()

    def says(name: str) -> bool:  # whole words: 「the deadline ok?」 is not 「line ok」
        return any(re.search(rf"\b{re.escape(words)}\b", lowered) for words in fragments.WORDS[name])

    out: list[Entity] = []
    no_calls = says("contact_phone_en_not")
    if no_calls:
        words = catalog.text("consideration.no_calls")
        out.append(Entity("consideration", words, "self", text.strip()))
    if says("contact_line_en") and not says("contact_line_en_not"):
        out.append(Entity("contact", "line", "self", text.strip()))
    elif says("contact_phone_en") and not no_calls:
        out.append(Entity("contact", "phone", "self", text.strip()))
    time_alone = not _EN_TIME_ONLY.sub(" ", _EN_TIME_PHRASES.sub(" ", lowered)).strip(" ,.!")
    texted = any(entity.kind == "contact" for entity in out)
    if not (_EN_REACH.search(lowered) or time_alone) or (no_calls and not texted):
        return out  # 「don't call in the evening」: a time not to call, kept in her words as a caution
    hour = _EN_AFTER_HOUR.search(lowered)
    if hour is not None:
        at = int(hour.group(1))
        if (hour.group(3) or "").startswith("p") or (not hour.group(3) and at < 8):
            at += 12 if at < 12 else 0  # 「after 6」 to be called is six in the evening
        option = (
            next(band for end, band in _HOUR_BANDS if at < end) if at < EVENING_FROM else "weekday_evening"
        )
        words = f"{at}時以降（{text.strip()}）"
        out.append(Entity("contact_times", option, "self", words))
        return out
    for option, pattern in _EN_PARTS_OF_DAY:
        if pattern.search(lowered):
            out.append(Entity("contact_times", option, "self", text.strip()))
            break
    return out


_EN_TIME_PHRASES = re.compile(
    "|".join(pattern.pattern for _, pattern in _EN_PARTS_OF_DAY) + r"|" + _EN_AFTER_HOUR.pattern
)


def _contact_times(text: str) -> list[Entity]:
    """When the writer can be reached, with the sentence saying it (「平日の夜やったら電話出れるで」)."""
    out = []
    asked_to_call = _REACH_WORDS.search(_fold(text)) is not None and _contact(_fold(text)) is not None
    for sentence in _sentences(text):
        plain, folded = unicodedata.normalize("NFKC", sentence), _fold(sentence)
        hours = asked_to_call and _HOURS.search(plain) is not None  # 「電話にしてほしい。昼休みの12時〜1時」
        reachable = (
            _REACH_WORDS.search(folded) or _AVAILABLE.search(plain) or _AVAILABLE.search(folded) or hours
        )
        if not reachable or _UNREACHABLE.search(folded):
            continue
        option = _time_of_day(plain)
        if option is not None:
            out.append(Entity("contact_times", option, "self", sentence.strip()))
    return out


_BUSY = re.compile(
    r"(?:平日の)?(?:昼間|昼|日中|午前中?|午後|朝|夕方|夜|平日|土日|週末)は"
    r"(?:仕事|バイト|パート|学校|無理|むり|だめ|ダメ|出られ|出れ|でれ|忙し|いそがし|寝|ねて|ねと|ねよ|ねる|眠)"
    r"|夜勤|やきん|日勤|夜の仕事"
)
"""A part of the day named as busy (「昼間は仕事やから」) or asleep (「夜勤やけん昼間は寝とる」), and the
night shift itself: not the time to call."""


def _time_of_day(text: str) -> str | None:
    """The contact-time option a text names: the late night (no option fits), a part of the day
    (「昼間」), hours of the clock (「10時から14時」 → afternoon), a weekday or the weekend; a part of
    the day said to be busy (「昼間は仕事やから…夕方6時以降」) is not it."""
    text = _BUSY.sub(lambda busy: " " * len(busy.group(0)), text)
    folded = _fold(text)
    if _LATE_NIGHT.search(text) or _LATE_NIGHT.search(folded):
        return LATE_NIGHT
    hours = _HOURS.search(text)
    if hours is not None and not re.search(r"午前|午後|朝|昼|夕方|晩|夜", text):
        first, last = int(hours.group(1)), int(hours.group(2) or hours.group(1))
        if last < first <= 12:  # 「12時〜1時」: one in the afternoon
            last += 12
        if hours.group(3):  # 「19時より前」: the last part of the day that ends by then
            return next((band for end, band in reversed(_HOUR_BANDS) if end <= first), _HOUR_BANDS[0][1])
        return next((band for end, band in _HOUR_BANDS if (first + last) / 2 < end), None)
    return next((o for o, pattern in _CONTACT_TIMES if pattern.search(text) or pattern.search(folded)), None)


BARE_TIME_MAX_CHARS = 10
"""A reply this short that names a time of day (「夜」「土日かな」) is a time to be reached."""


def bare_contact_time(text: str) -> str | None:
    """The contact time a short reply names by itself (「夜」 → weekday_evening), else None."""
    plain = unicodedata.normalize("NFKC", text).strip()
    if len(plain) > BARE_TIME_MAX_CHARS:
        return None
    return _time_of_day(plain)


def _considerations(text: str) -> list[Entity]:
    """What the writer asks to be careful about, as the sentence they wrote (「先生にはバレたくない」),
    with the reason that follows it (「窓口に行くのがこわいです。パニックになるので」)."""
    sentences = [sentence.strip() for sentence in _sentences(text)]
    out = []
    for i, sentence in enumerate(sentences):
        folded = _fold(sentence)
        if not (_CONSIDERATION.search(folded) or _avoided_contact(folded) or _unreachable_time(sentence)):
            continue
        reason = sentences[i + 1] if i + 1 < len(sentences) and _REASON.search(sentences[i + 1]) else ""
        words = f"{sentence}。{reason}" if reason else sentence
        out.append(Entity("consideration", words, "self", words))
    return out


def only_cautions(text: str) -> bool:
    """Whether every sentence of a message asks for care (「家の電話にはかけないでください。来てもらうのも
    困ります」): how to reach the writer, not a danger to them."""
    sentences = [sentence.strip() for sentence in _sentences(text)]
    told = " ".join(entity.value for entity in _considerations(text))
    return bool(sentences) and all(sentence in told for sentence in sentences)


def _unreachable_time(sentence: str) -> bool:
    """Whether a sentence names a time when the writer cannot be reached (「夫が家にいる夜や土日は
    返事ができません」): a caution for whoever writes back."""
    plain, folded = unicodedata.normalize("NFKC", sentence), _fold(sentence)
    named = _time_of_day(plain) is not None
    refused = bool(_TIME_REFUSED.fullmatch(plain.strip()))
    return refused or (named and bool(_REACH_WORDS.search(folded)) and bool(_UNREACHABLE.search(folded)))


_TIME_REFUSED = re.compile(
    r"(夜|よる|夜間|夕方|晩|朝|午前|午後|土日|週末|休日)(は|に|の)?(連絡|電話)?(は|も)?"
    r"(やめて|やめてほしい|やめてください|避けて|さけて|だめ|ダメ|無理|むり|困ります|こまります|ちょっと)"
    r"(です|でお願いします|ね|よ|な|かな)?[。.!！…ー〜~ ]*"
)
"""A short sentence that is only a time refused (「夜はやめて」「土日はだめ」): not to be called then."""


def _home_visit(text: str) -> list[Entity]:
    """A wish for a home visit, as the intake's 訪問してほしい (「家まで来てもらうことはできますか」)."""
    return [
        Entity("hope_choice", "visit", "self", sentence.strip())
        for sentence in _sentences(text)
        if _HOME_VISIT.search(_fold(sentence))
    ][:1]


def _lives_apart(text: str) -> list[Entity]:
    """The writer's own situation when they live apart and visit (「別に住んでて、週末だけ様子見に行ってる」):
    a family member's, in their words, for the 受付票."""
    sentences = _sentences(unicodedata.normalize("NFKC", text))
    apart = [
        Entity("writer_apart", "family", "self", sentence.strip())
        for sentence in sentences
        if _apart_told(sentence)
    ][:1]
    together = [
        Entity("writer_together", "family", "self", sentence.strip())
        for sentence in sentences
        if (_LIVES_TOGETHER.search(sentence) and not _denied_after(sentence, _LIVES_TOGETHER))
        or _apart_denied(sentence)
    ][:1]
    return apart or together


def _denied_after(sentence: str, pattern: re.Pattern[str]) -> bool:
    """Whether each match of `pattern` in the sentence is denied right after (「離れて暮らしては
    おりません」)."""
    found = list(pattern.finditer(sentence))
    return bool(found) and all(_APART_DENIED.search(sentence[m.end() :]) for m in found)


def _apart_told(sentence: str) -> bool:
    """Whether the sentence says the writer lives apart, not denying it (「離れて暮らしてはおりません」)."""
    return bool(_LIVES_APART.search(sentence)) and not _denied_after(sentence, _LIVES_APART)


def _apart_denied(sentence: str) -> bool:
    """Whether the sentence denies living apart (「離れて暮らしてはおりません」「別居はしてないです」)."""
    return _denied_after(sentence, _LIVES_APART) or _denied_after(sentence, _APART_WORDS)


LIVES_TOGETHER = _LIVES_TOGETHER


def lives_apart_denied(words: str) -> bool:
    """Whether these words deny living apart (「離れて暮らしてはおりません」)."""
    return any(_apart_denied(sentence) for sentence in _sentences(unicodedata.normalize("NFKC", words)))


def lives_apart_told(words: str) -> bool:
    """Whether these words say the writer lives apart and visits (for naming back what was noted)."""
    return any(_apart_told(sentence) for sentence in _sentences(unicodedata.normalize("NFKC", words)))


def _introduced(text: str) -> re.Match[str] | None:
    """The sentence in which the writer introduces themself by age and sex (「52歳の男です」) or school
    year (「大学3年です」)."""
    for sentence in _sentences(unicodedata.normalize("NFKC", text)):
        found = (
            _INTRODUCED.match(sentence.strip())
            or _STUDENT_INTRODUCED.match(sentence.strip())
            or _STUDENT_STATUS.match(sentence.strip())
        )
        if found is not None:
            return found
    return None


def _grown_student(text: str, ages: Sequence[Entity]) -> Entity | None:
    """The age band of a writer who says they are at university or college (「大学生です」「院生です」):
    18〜39, unless the message gives the writer's age itself (「大学院生です。42歳です」)."""
    if any(entity.about in ("self", "unknown") for entity in ages):
        return None
    for sentence in _sentences(unicodedata.normalize("NFKC", text)):
        found = _STUDENT_STATUS.match(sentence.strip())
        if found is not None and found.group("school") in _GROWN_STUDENTS:
            return Entity("age_band", "18_39", "self", found.group(0))
    return None


def _hopes(text: str, found: Sequence[Entity]) -> list[Entity]:
    """What the writer wishes for, as the whole sentence they wrote: a wish said as not wanted stays
    whole with its negation (「何かしてほしいわけじゃない」); a wish they report of someone else
    (「塾代を出してほしいと言っても」) is not theirs; a caution (「親にはまだ言わないでほしいです」) or a way
    of contact (「連絡はLINEでお願いしたいです」) is not a hope."""
    cautions = [unicodedata.normalize("NFKC", e.value) for e in found if e.kind == "consideration"]
    ways = [e.matched for e in found if e.kind in ("contact", "contact_also")]
    out = []
    for sentence in _sentences(text):
        wishes = [m for m in _HOPE.finditer(sentence) if not _REPORTED.match(sentence, m.end())]
        if not wishes:
            continue
        words = sentence.strip()
        told = any(words in caution for caution in cautions) or any(way in _fold(words) for way in ways)
        if not told:
            out.append(Entity("hope", words, "self", words))
    return out


def find_entities(text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
    """Return every intake fact found in text, with whom it is about and the words it came from."""
    folded = _fold(text)
    found: list[Entity] = []
    own_matter = _OWN_MATTER.search(folded) or _introduced(text)
    writer = Entity("writer", "self", "self", own_matter.group(0)) if own_matter else None
    said = _writer(tokens)
    introduced = said if said is not None and said.about == "self" else None
    writer = writer or introduced or _neighbour(text) or said  # 「民生委員をしています。近所の…」
    if writer is not None:
        found.append(writer)
    relation = _parents_partner(folded) or _relation(tokens) or _kana_parent(folded)
    if relation is not None:
        found.append(relation)
    elif (matter := _FAMILY_MATTER.search(unicodedata.normalize("NFKC", text))) is not None:
        found.append(Entity("relation", "family", "other", matter.group(0)))
    ages = _ages(tokens) or _age_signed_off(tokens) or _corrected_age(text)
    if not any(entity.kind == "age" for entity in ages):
        ages += _kana_ages(text)  # 「じゅうごさい」「じゅうななさいです」
    if writer is None and (relative := _relative_beside_own_age(ages)) is not None:
        found.append(relative)
    found.extend(ages)
    student = _grown_student(text, ages)
    if student is not None:
        found.append(student)
    found.extend(_lives_apart(text))
    found.extend(_durations(text))
    found.extend(_since_school(text, found))
    district = _district(folded) or _part_of_town(unicodedata.normalize("NFKC", text))
    if district is not None:
        found.append(district)
    contact = _contact(folded)
    if contact is not None:
        found.append(_also(contact, text))
    unsafe = _line_unsafe(folded)
    if unsafe is not None:
        found.append(unsafe)
    found.extend(_contact_times(text))
    found.extend(_english_contact(text))
    found.extend(_considerations(text))
    found.extend(_home_visit(text))
    found.extend(_hopes(unicodedata.normalize("NFKC", text), found))
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for entity in found:
        key = (entity.kind, entity.value, entity.about)
        if key not in seen:
            seen.add(key)
            unique.append(entity)
    return tuple(unique)


_LIVES_IN = re.compile(
    r"([一-龥ァ-ヶー]{1,8}?(?:市|区|町|村))(?:の方|のほう)?(?:に|で)?\s?"
    r"(?:住んで(?:ます|います|いま|る|おり|て|ん)|すんで(?:ます|います|る|て)|在住|暮らして|くらして|住まい|住み(?:です|ます))"
)
"""「川崎市に住んでます」「横浜市港北区在住です」: a city, ward, town or village the writer lives in."""


def place_lived_in(text: str) -> str | None:
    """The municipality the writer says they live in (「川崎市に住んでます」 → 川崎市), else None; not a
    relative's home (「母は川崎市に住んでいて」) nor a past one (「前は川崎市に住んでた」 reads 住んで, so
    a past marker just after is checked)."""
    folded = unicodedata.normalize("NFKC", text)
    for found in _LIVES_IN.finditer(folded):
        after = folded[found.end() : found.end() + 3]
        if after.startswith(("た", "いた", "ました")) or relative_named(folded[: found.start()]):
            continue
        return found.group(1)
    return None
