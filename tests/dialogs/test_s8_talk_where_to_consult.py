"""Session-8 testers asking 「どこに相談すれば」 after telling their story (talk9): the answer names the
window(s) for what they already wrote, with its phone and hours from the content, not the generic three
options.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

import pytest

from dialogs.content import current_content
from tests.dialogs.chat import Chat, said, started

GENERIC = "いまできることを、三つご案内します"
FALLBACK = "うまく受け取れなかった"

GRANDMOTHER = (
    "うちの孫のことなんだけんど",
    "孫は30になるども、もう5年も部屋さこもったままで、ご飯の時しか出てこねえ",
)
FATHER = (
    "32歳の息子のことです。10年近く家にこもっています",
    "最近、息子が言うことを聞かないと、つい手をあげそうになる自分が怖いです",
)
NEIGHBOUR = (
    "隣の家のおじいさんのことで相談です。85歳で一人暮らしです。奥さんを亡くしてから外に出なくなりました",
)


def window_named(chat: Chat, window_id: str) -> bool:
    """Whether the last reply names the window with its phone and hours."""
    window = current_content().window(window_id)
    return all(part in said(chat) for part in (window.name, window.phone, window.hours_text))


def test_the_grandmother_in_tohoku_dialect_hears_of_the_withdrawal_window() -> None:
    chat = started(*GRANDMOTHER, "どごさ相談すればいいのがわがんねえ")
    assert FALLBACK not in said(chat) and GENERIC not in said(chat)
    assert window_named(chat, "hikikomori")


def test_the_father_afraid_of_his_own_violence_hears_of_the_health_centre_and_withdrawal_window() -> None:
    chat = started(*FATHER, "こういうとき、どこに相談すればいいんですか")
    assert GENERIC not in said(chat)
    assert window_named(chat, "hokenjo") and window_named(chat, "hikikomori")
    content = current_content()
    hokenjo, hikikomori = (said(chat).index(content.window(w).name) for w in ("hokenjo", "hikikomori"))
    assert hokenjo < hikikomori, "his fear of his own violence first"
    assert current_content().window("kodomo").name not in said(chat), "his son is 32, not a child"


@pytest.mark.parametrize(
    "story",
    [
        NEIGHBOUR,
        ("民生委員をしています。担当地区の80代の男性が一人暮らしで、退院したあと、家にこもりがちです",),
    ],
)
def test_asking_about_watching_over_an_old_man_living_alone_names_the_elderly_centre(
    story: tuple[str, ...],
) -> None:
    chat = started(*story, "見守りみたいなのってありますか")
    assert FALLBACK not in said(chat) and GENERIC not in said(chat)
    assert window_named(chat, "houkatsu")
    assert chat.state == "menu.main"


def test_asking_where_with_nothing_told_still_gets_the_options() -> None:
    chat = started("どこに相談すればいいですか")
    assert GENERIC in said(chat)


@pytest.mark.parametrize(
    ("story", "windows"),
    [
        (
            ("息子が部屋から出てこなくなって3年になります。今年で25です", "どこに相談したらいいでしょうか"),
            ["hikikomori"],
        ),
        (("中2の息子が学校に行けなくなりました", "どこに相談すればいいか教えてください"), ["kodomo"]),
        (
            ("母が80で、最近物忘れがひどくて。一人暮らしなんです", "どうしたらいいのか分からない"),
            ["houkatsu"],
        ),
        (
            ("私は70歳です。45歳の息子がひきこもっています", "どこに相談すればいいですか"),
            ["hikikomori", "houkatsu"],
        ),
        (
            (
                "近所のおばあちゃん、90歳で一人暮らしなんやけど、最近見かけへんねん",
                "見守りとかってあるんかな",
            ),
            ["houkatsu"],
        ),
        (("借金が200万あって、返せそうにありません", "どこに相談すればいいですか"), ["kurashi"]),
        (("娘(19)が高校を中退してから家にいます", "私はどこに相談に行けばいいですか？"), ["kurashi"]),
    ],
)
def test_other_people_asking_where_hear_of_the_windows_for_what_they_wrote(
    story: tuple[str, ...], windows: list[str]
) -> None:
    chat = started(*story)
    assert FALLBACK not in said(chat) and GENERIC not in said(chat)
    assert all(window_named(chat, window) for window in windows), said(chat)


def test_a_sister_asking_where_with_both_her_brother_and_old_parents_is_not_misread() -> None:
    chat = started("兄が50過ぎてずっと家にいて、親も80代です", "こういう場合ってどこが相談先になりますか")
    assert FALLBACK not in said(chat) and GENERIC not in said(chat)
