"""Hand-built valid scripts for tests that must not depend on a writer."""

from __future__ import annotations

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
