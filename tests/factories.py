"""Hand-built valid scripts for tests that must not depend on a writer."""

from __future__ import annotations

from typing import Any

from story.script import Script

_EN = [
    ("street", "rags", "sad", "Ginger shivers on a cold street while the rich white cat laughs.", "Mocked in the cold"),
    ("construction_site", "hard_hat", "tense", "Every day Ginger carries bricks until his paws ache.", "Working day and night"),
    ("office", "suit", "dramatic", "Years later, Ginger opens his own company.", "His own company"),
    ("mansion", "tuxedo", "triumphant", "Ginger buys the mansion next door.", "The mansion is his"),
    ("rooftop", "crown", "happy", "The white cat's jaw drops. Ginger just smiles.", "Who is laughing now?"),
    ("park", "none", "calm", "And he shares his fish with every stray in town.", "Kindness wins"),
    ("restaurant", "suit", "funny", "The white cat now washes the dishes.", "Tables turned"),
    ("stage", "tuxedo", "triumphant", "Ginger is crowned cat of the year.", "Cat of the year"),
]
_ZH = [
    ("street", "rags", "sad", "小橘猫在寒风中发抖，白猫却在一旁嘲笑。", "寒风中被嘲笑"),
    ("construction_site", "hard_hat", "tense", "他每天在工地搬砖，爪子都磨破了。", "日夜打工"),
    ("office", "suit", "dramatic", "几年后，他开了自己的公司。", "创办公司"),
    ("mansion", "tuxedo", "triumphant", "他买下了隔壁的豪宅。", "豪宅到手"),
    ("rooftop", "crown", "happy", "白猫惊呆了，橘猫只是微笑。", "谁在笑？"),
    ("park", "none", "calm", "他把小鱼干分给所有流浪猫。", "善良最强"),
    ("restaurant", "suit", "funny", "白猫现在只能在后厨洗碗。", "风水轮流转"),
    ("stage", "tuxedo", "triumphant", "橘猫被评为年度之猫。", "年度之猫"),
]


def make_script(language: str = "en", n_scenes: int = 5, scene_s: float = 4.0, style: str = "ginger-cat") -> Script:
    rows = (_ZH if language == "zh" else _EN)[:n_scenes]
    while len(rows) < n_scenes:
        rows = rows + rows[: n_scenes - len(rows)]
    return Script.model_validate(
        {
            "title": "橘猫逆袭" if language == "zh" else "The Ginger Comeback",
            "language": language,
            "premise": "poor ginger cat mocked by rich white cat gets rich",
            "style": style,
            "characters": [
                {"id": "hero", "name": "Ginger", "species": "cat", "breed": "ginger tabby", "style": style,
                 "look": "a small ginger tabby cat with orange fur, white chest and big green eyes"},
                {"id": "rival", "name": "Snow", "species": "cat", "breed": "white Persian", "style": "white-persian",
                 "look": "a fluffy white Persian cat with a flat face, blue eyes and a haughty look"},
            ],
            "scenes": [
                {
                    "location": loc, "setting": loc.replace("_", " "),
                    "characters": [{"id": "hero", "expression": "determined", "outfit": outfit},
                                   {"id": "rival", "expression": "smug", "outfit": "crown"}],
                    "visual_prompt": f"{loc} scene with the ginger cat and the white cat",
                    "narration": narration, "caption": caption, "duration": scene_s,
                    "camera": "push_in", "mood": mood,
                }
                for loc, outfit, mood, narration, caption in rows
            ],
        }
    )


_PLAN_EN = [
    ("narrator", "Every morning Ginger scrubs the tower windows while Snow laughs from her balcony.",
     "ginger cat on a window-cleaning cradle, white Persian sneering from a balcony"),
    ("rival", "Look at you, dangling from a rope for pennies!", "white Persian pointing and laughing"),
    ("narrator", "Ginger saves every coin and studies business books at night.", "ginger cat reading by a lamp"),
    ("hero", "One day, this whole tower will shine because of me.", "ginger cat determined, holding a squeegee"),
    ("narrator", "Years later his cleaning company wins the contract for the tower.", "ginger cat in a suit signing"),
    ("rival", "Wait, you own this company now?", "white Persian shocked in the lobby"),
    ("narrator", "Ginger smiles and hires her cousin, who needed a job.", "ginger cat shaking paws with a cat"),
]
_PLAN_ZH = [
    ("narrator", "每天早上，小橘都在大楼外擦窗户，白猫在阳台上嘲笑他。", "ginger cat cleaning windows, white cat sneering"),
    ("rival", "看你吊在绳子上，就为了几个小钱！", "white Persian pointing and laughing"),
    ("narrator", "小橘省下每一分钱，晚上还在读经营的书。", "ginger cat reading by a lamp at night"),
    ("hero", "总有一天，这栋楼会因为我而闪闪发光。", "ginger cat determined with a squeegee"),
    ("narrator", "几年后，他的清洁公司拿下了整栋大楼的合同。", "ginger cat in a suit signing a contract"),
    ("rival", "等等，这家公司现在是你的？", "white Persian shocked in the lobby"),
    ("narrator", "小橘笑了笑，还给她表妹安排了一份工作。", "ginger cat shaking paws with a young cat"),
]


def make_plan(language: str = "en", title: str | None = None) -> dict[str, Any]:
    """A valid, compact plan as a model would write it (about 300 tokens in English)."""
    zh = language == "zh"
    beats = _PLAN_ZH if zh else _PLAN_EN
    return {
        "title": title or ("擦窗工的逆袭" if zh else "The Window Cleaner's Comeback"),
        "cast": [
            {"id": "hero", "name": "小橘" if zh else "Ginger", "species": "cat", "role": "hero",
             "look": "small ginger tabby cat with a blue work cap"},
            {"id": "rival", "name": "雪球" if zh else "Snow", "species": "cat", "role": "rival",
             "look": "fluffy white Persian cat with a pearl collar"},
        ],
        "beats": [{"speaker": s, "line": line, "visual": visual} for s, line, visual in beats],
    }
