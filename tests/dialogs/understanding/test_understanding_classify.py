"""Classifier behaviour on the hard cases: negation, idioms, third parties, information, past, variants."""

from __future__ import annotations

import io
import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from dialogs.understanding import (
    CONCERNS,
    INTENTS,
    Evidence,
    LexiconError,
    classify,
    classify_lines,
    load_lexicon,
)


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        # suicidal wording and its spellings
        ("死にたい", "crisis"),
        ("しにたい", "crisis"),
        ("ｼﾆﾀｲ", "crisis"),
        ("死にたぁい", "crisis"),
        ("4にたい", "crisis"),
        ("タヒにたい", "crisis"),
        ("消えたい", "crisis"),
        ("生きていたくない", "crisis"),
        ("もう全部終わりにしたい", "crisis"),
        # self-harm and method words
        ("リストカットがやめられない", "crisis"),
        ("腕を切った、血が出てる", "crisis"),
        ("薬をたくさん飲んだ", "crisis"),
        ("💊全部飲む", "crisis"),
        ("ODしちゃった", "crisis"),
        ("練炭を買った", "crisis"),
        ("ロープを用意した", "crisis"),
        ("飛び降りようと思う", "crisis"),
        # violence happening now
        ("夫に殴られている", "crisis"),
        ("息子が包丁を持って暴れていて怖い", "crisis"),
        # third-party reports count
        ("息子が死にたいと言っている", "crisis"),
        # double negation counts
        ("消えたいと思わない日はない", "crisis"),
        # the past without a present resolution stays crisis (safety first)
        ("前に死にたいと思ったことがある", "crisis"),
        ("昔は死にたいと思ったこともあったけど今は大丈夫じゃない", "crisis"),
        # negation
        ("死にたいとは思っていません", "none"),
        ("死にたいわけじゃないです", "none"),
        # non-literal use
        ("死ぬほど笑った", "none"),
        ("死ぬほど眠い", "none"),
        ("腹が減って死にそう", "none"),
        ("死ぬ気でやれと言われた", "none"),
        # informational mentions
        ("自殺対策の窓口について知りたい", "none"),
        ("いのちの電話の番号は?", "none"),
        ("死にたい人向けの窓口はありますか", "none"),
        # resolved past (documented choice: explicit present resolution + past marker)
        ("昔は死にたいと思ったこともあったけど今は大丈夫", "none"),
        # idioms and other senses
        ("借金で首が回らない", "none"),
        ("データが消えてしまった", "none"),
        ("髪を切った", "none"),
        ("料理中に包丁で指を切った", "none"),
        ("ロープウェイに乗った", "none"),
        # urgent needs
        ("今夜寝る場所がない", "urgent"),
        ("3日何も食べていない", "urgent"),
        ("電気を止められた", "urgent"),
        ("明日までに出ていけと言われた", "urgent"),
        ("所持金ゼロです", "urgent"),
        ("電気は止まっていません", "none"),
        ("お金がない", "none"),
        # crisis outranks urgent
        ("寝る場所もないし死にたい", "crisis"),
    ],
)
def test_crisis_level(text: str, crisis: str) -> None:
    assert classify(text).crisis == crisis


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("夫が殴ってくる", {"violence"}, set()),
        ("暴力はありません", set(), {"violence"}),
        ("借金はないです", set(), {"debt"}),
        ("借金で首が回らない", {"debt"}, set()),
        ("借金はないけど、貯金もない", {"economic"}, {"debt"}),
        ("殴られたことはないです", set(), {"violence"}),
        ("暴力がないわけじゃない", {"violence"}, set()),
        ("30歳の息子が10年ひきこもっています", {"withdrawal"}, set()),
        ("ひきこもりではないです", set(), {"withdrawal"}),
        ("祖母の介護で学校に行けていません", {"caregiving", "childcare_education"}, set()),
        ("消費者金融の返済が追いつかない", {"debt"}, set()),
        ("家賃を滞納していて退去を迫られています", {"housing", "debt"}, set()),
        ("仕事が見つからない", {"job_search"}, set()),
        ("誰にも相談できない", {"isolation"}, set()),
        ("うつ病で通院しています", {"mental_health", "illness"}, set()),
        ("適応障害と言われた", {"mental_health"}, {"disability"}),
        ("息子が死にたいと言っている", {"mental_health"}, set()),
        ("ひとりぼっちです", {"isolation"}, {"debt"}),
    ],
)
def test_concerns(text: str, present: set[str], absent: set[str]) -> None:
    concerns = set(classify(text).concerns)
    assert present <= concerns
    assert not absent & concerns


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        ("ここってどういうところですか", {"faq.what_is"}),
        # session 12 (welfare): the question from outside the city has its own answer (ask.outside_city, asked
        # first); the general who-can-use reading stays beside it
        ("隣の市に住んでいても相談できますか", {"faq.who_can_use", "ask.outside_city"}),
        ("お金かかりますか？", {"faq.cost"}),
        ("土日もやってますか", {"faq.hours"}),
        ("電話番号を教えてください", {"faq.how_to_reach"}),
        ("本人が来なくても家族だけで相談できますか", {"faq.family_alone"}),
        ("名前を言わないといけませんか", {"faq.confidentiality"}),
        ("家に来てもらうことはできますか", {"faq.outreach"}),
        ("居場所みたいなところはありますか", {"faq.ibasho"}),
        ("家族会に参加したい", {"faq.family_group"}),
        ("自立相談支援の窓口に行くよう言われました", {"service.self_reliance"}),
        ("住居確保給付金について知りたい", {"service.housing_benefit"}),
        ("シェルターに入れますか", {"service.temporary_living"}),
        ("就労準備支援を受けたい", {"service.employment_prep"}),
        ("家計相談をしたい", {"service.household_budget"}),
        ("無料塾を探しています", {"service.child_learning"}),
        ("ひきこもりの相談窓口を探しています", {"service.withdrawal_support"}),
        ("保健所に相談したほうがいいですか", {"service.health_center"}),
        ("地域包括に行くべき？", {"service.elderly_center"}),
        ("ハローワークに行くのがこわい", {"service.hello_work"}),
        ("スキップ", {"cmd.skip"}),
        ("答えたくないです", {"cmd.skip"}),
        ("前の質問に戻りたい", {"cmd.back"}),
        ("また今度にします", {"cmd.later"}),
        ("最初からやり直したい", {"cmd.restart"}),
        ("ストップ", {"cmd.stop"}),
        ("データを消してください", {"cmd.delete"}),
        ("メニュー", {"cmd.menu"}),
        ("相談員さんと話したい", {"cmd.human"}),
        ("はい", {"cmd.yes"}),
        ("はい、お願いします", {"cmd.yes"}),
        ("同意します", {"cmd.yes"}),
        ("いいえ", {"cmd.no"}),
        ("同意しません", {"cmd.no"}),
        ("使い方を教えて", {"cmd.help"}),
        # commands inside longer text or in other words are not commands
        ("返信はいつごろもらえますか", {"faq.hours", "talk.when_reply"}),
        ("家族とは仲はいいです", set()),
        ("仕事をやめたい", set()),
        ("はじめからお願いします", {"cmd.restart"}),
        ("ストップウォッチが壊れた", set()),
    ],
)
def test_intents(text: str, intents: set[str]) -> None:
    assert set(classify(text).intents) == intents


def test_evidence_explains_each_label() -> None:
    result = classify("夫に殴られている。借金はありません")
    labels = {e.label for e in result.evidence}
    assert {"crisis", "concern:violence", "negated:debt"} <= labels
    crisis = next(e for e in result.evidence if e.label == "crisis")
    assert crisis.matched == "殴られている"
    assert crisis.rule.startswith("crisis_violence.yaml#")
    assert "debt" not in result.concerns


def test_evidence_quotes_the_users_own_characters() -> None:
    evidence = classify("ｼﾆﾀｲ").evidence
    assert Evidence("crisis", "ｼﾆﾀｲ", "crisis.yaml#want_to_die") in evidence


def test_resolved_and_informational_are_recorded_not_counted() -> None:
    resolved = classify("昔は死にたいと思ったこともあったけど今は大丈夫")
    assert {e.label for e in resolved.evidence} == {"resolved:crisis"}
    info = classify("死にたい人向けの窓口はありますか")
    assert "info:crisis" in {e.label for e in info.evidence}


def test_result_is_frozen_and_ordered() -> None:
    result = classify("借金があって、家賃も払えない。ひきこもりの息子がいます")
    assert list(result.concerns) == [c for c in CONCERNS if c in result.concerns]
    assert list(result.intents) == [i for i in INTENTS if i in result.intents]
    with pytest.raises(FrozenInstanceError):
        result.crisis = "none"  # type: ignore[misc]


def test_to_dict_has_exactly_the_documented_shape() -> None:
    record = classify("借金はないです").to_dict("借金はないです")
    assert record == {
        "text": "借金はないです",
        "crisis": "none",
        "concerns": [],
        "intents": [],
        "evidence": [{"label": "negated:debt", "matched": "借金", "rule": "concerns.yaml#debt"}],
        "crisis_kinds": [],
        "possible_risk": False,
        "concern_about": [],
        "entities": [],
        "language": "ja",
    }


def test_classify_lines_writes_one_json_object_per_non_blank_line() -> None:
    out = io.StringIO()
    count = classify_lines(io.StringIO("死にたい\n\n   \n無料ですか？\n"), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == 2
    assert [r["text"] for r in rows] == ["死にたい", "無料ですか？"]
    assert rows[0]["crisis"] == "crisis"
    assert "死にたい" in out.getvalue()


def test_extra_lexicon_dir_adds_entries(tmp_path: Path) -> None:
    (tmp_path / "local.yaml").write_text(
        "label: intent:service.self_reliance\nentries:\n  local_name: [はちまるサポート]\n",
        encoding="utf-8",
    )
    assert "service.self_reliance" not in classify("はちまるサポートに行きたい").intents
    result = classify("はちまるサポートに行きたい", extra_lexicon_dirs=[tmp_path])
    assert "service.self_reliance" in result.intents
    assert any(e.rule == f"{tmp_path.name}/local.yaml#local_name" for e in result.evidence)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("label: concern:money\nentries:\n  x: [お金]\n", "unknown label"),
        ("label: crisis\nentries:\n  x: ['(死|し']\n", "unclosed"),
        ("label: crisis\nentries:\n  x: {match: [a], colour: red}\n", "needs 'match'"),
        ("label: crisis\nentries:\n  x: {match: [a], also: [concern:money]}\n", "unknown label"),
        ("negation: {maybe: [x]}\n", "negation must be"),
    ],
)
def test_bad_lexicon_files_are_rejected(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon([tmp_path])


def test_lexicon_is_loaded_once() -> None:
    assert load_lexicon() is load_lexicon()
