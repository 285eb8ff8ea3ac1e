"""Session 7: crisis read by the rules alone in wordings new writers used, each line phrased afresh.

Wishes not to wake, a far place with no return, killing threats heard or feared at home, dialect passives of
hitting, pills counted by the tens, razors kept, a child shut out or left without food for days, harm to a
cared-for parent, English words for the same; and the ordinary uses of those words that must stay none.
"""

from __future__ import annotations

import pytest

from dialogs.understanding import classify


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今夜このまま寝て、朝になっても起きなければいいな", "suicidal"),
        ("ふとんに入るたびに、もう目覚めませんようにって祈ってる", "suicidal"),
        ("家賃も払った、猫も預けた。あとは僕が消えるだけ", "suicidal"),
        ("ひとりで海に来ました。もう帰らないつもりです", "suicidal"),
        ("樹海行きのバスに乗った。帰りのチケットは要らない", "suicidal"),
        ("死ぬ", "suicidal"),
        ("妻が逝って一年、もう十分生きた。早く妻のところへ行きたい", "suicidal"),
        ("あの世ってほんまにあるんかな、はよ行きたいわ", "suicidal"),
        ("消える準備はもう整いました", "suicidal"),
        ("疲れた、踏切に入ろうかな", "suicidal"),
        ("遺書はもう置いてきた。これから海に入る", "suicidal"),
        ("跡形もなく消えられたら、どんなに楽だろう", "suicidal"),
        ("I'm on the platform now. the express is coming", "suicidal"),
        ("There is charcoal in the car and the windows are taped", "suicidal"),
        ("彼氏から「別れるなら殺す」ってメールが来た", "violence"),
        ("家にいたら夫に殺されると思って、子どもと車で逃げてきた", "violence"),
        ("兄貴に叩がれで、歯が折れだ", "violence"),
        ("元彼に殴らったとです、顔が腫れとる", "violence"),
        ("旦那が酔うと👊してくる", "violence"),
        ("うちの夫は機嫌が悪いとすぐ手が出る", "violence"),
        ("my husband punched me last night and took my passport", "violence"),
        ("近所の子が、夜になるといつも外にいる。家に入れないらしい、まだ小2", "child_abuse"),
        ("父に庭で寝ろって言われて、毎晩外にいます", "child_abuse"),
        ("ママが四日も帰ってこない。冷蔵庫に食べ物がない。小5です", "child_abuse"),
        ("認知症の父の首にタオルを巻きつけたところで我に返った。もう限界", "harm_to_others"),
        ("祖母の鼻と口を手でふさいでしまった、どうしよう", "harm_to_others"),
        ("今度あいつが来たら本気で殺す。包丁は研いである", "harm_to_others"),
        ("店長の店に火をつけてやる、ガソリンは買った", "harm_to_others"),
        ("he is going to stab his ex tonight, he told me", "harm_to_others"),
        ("鎮痛剤を五十錠一気に飲んだ。吐き気がする", "overdose"),
        ("眠剤とお酒を一緒に。何錠飲んだかの数も分からない", "overdose"),
        ("カミソリ、今日も血が止まらない", "self_harm"),
        ("腕を傷つけたら、ちょっとほっとする", "self_harm"),
        ("手首を切るようになってもう半年", "self_harm"),
        ("手首、もう線だらけ。長袖しか着られない", "self_harm"),
        ("I burn my skin with a lighter when things get bad", "self_harm"),
    ],
)
def test_new_wordings_are_crisis_of_their_kind(text: str, kind: str) -> None:
    reading = classify(text, rules_only=True)
    assert reading.crisis == "crisis", reading.evidence
    assert kind in reading.crisis_kinds


@pytest.mark.parametrize(
    "text",
    [
        "明日は休みだから、目覚ましかけずに起きなくていい",
        "赤ちゃんが朝まで起きなければいいのになあ、夜泣きがつらい",
        "地元には戻らないつもり、東京で就職するから",
        "帰りの切符はまだ買ってない、往復のほうが安いかな",
        "テストの点がバレたら母に殺される笑",
        "その歌の歌詞、「殺す」って言葉が多くて怖い",
        "お疲れさま👊 旦那と飲みに行ってくる",
        "新しいゲーム機、高くて手が出ない",
        "He never hit me, but he shouts every night",
        "夫に怒鳴られることはあるけど、叩かれたことはまだありません",
        "薬は一日何錠まで飲んでいいですか、30錠入りを買ったので",
        "カミソリで髭を剃ったら血が出た",
        "鍵をなくして家に入れない、小4の息子と一緒に外で待ってる",
        "母の首にタオルを巻いて、汗を拭いてあげた",
        "ニュースで、会社に火をつけた事件をやってた",
        "I burn my arm on the oven every time I bake",
        "週末は施設にいる母のところへ行きたい",
        "転勤で今の部署からいなくなる準備をしてる",
        "線路に人が入って電車が遅延してる",
        "夏休みは子どもと川に入って遊んだ、今から帰る",
        "前髪を切ると気分が落ち着く",
        "ほら、眠れないって言ってたでしょ。薬の量は先生に聞いてね",
        "首つりの話じゃなくて、首のこりの話です",
        "屋上から飛び降りる覚悟で告白して、見事に振られた",
        "引っ越しの荷物運びで、今日は肩が死んだ",
        "昨日のマラソン、死ぬごときつかった",
    ],
)
def test_ordinary_uses_stay_none_of_crisis(text: str) -> None:
    reading = classify(text, rules_only=True)
    assert reading.crisis != "crisis", reading.evidence
