"""Rich menus from the municipality content: their definitions for the Messaging API and their images.

A menu is a grid: `columns` buttons per row, as many rows as needed, on LINE's full width (2500 px)
and a height of 843 px per row pair (one row: 2500x843, more: 2500x1686, LINE's two standard sizes).
Images are drawn with Pillow in Noto Sans JP (SIL Open Font License 1.1), which the
`pylopdf-fonts-cjk` package installs from PyPI, so no system font is needed.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from dialogs.content import RichMenu, RichMenuButton

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

MenuKind = Literal["bot", "person"]
NAME_PREFIX = "tsunagu"
WIDTH = 2500
SHORT_HEIGHT = 843
TALL_HEIGHT = 1686
BACKGROUND = (255, 255, 255)
GRID = (198, 212, 204)
INK = (33, 51, 43)
ACCENT = (6, 120, 60)
LABEL_MARGIN = 40
LARGEST_FONT_PX = 96
SMALLEST_FONT_PX = 40


@dataclass(frozen=True)
class MenuBuild:
    """A rich menu ready to create: its API definition (as JSON-ready dict) and its PNG image."""

    kind: MenuKind
    definition: dict[str, Any]
    image: bytes

    @property
    def name(self) -> str:
        """The menu's name on the channel, which carries a digest so an unchanged menu is found again."""
        return str(self.definition["name"])


def menu_name(kind: MenuKind, digest: str) -> str:
    """`tsunagu:<kind>:<digest>`; `line setup` replaces only menus whose names start `tsunagu:<kind>:`."""
    return f"{NAME_PREFIX}:{kind}:{digest}"


def is_menu_of(name: str, kind: MenuKind) -> bool:
    """Whether a menu's name marks it as tsunagu's menu of this kind."""
    return name.startswith(f"{NAME_PREFIX}:{kind}:")


def grid(menu: RichMenu) -> tuple[int, int, int]:
    """Rows, and the image's width and height, for the menu's buttons."""
    rows = math.ceil(len(menu.buttons) / menu.columns)
    return rows, WIDTH, SHORT_HEIGHT if rows == 1 else TALL_HEIGHT


def cells(menu: RichMenu) -> list[tuple[int, int, int, int]]:
    """Each button's bounds (x, y, width, height); the last cell of a row takes the rounding."""
    rows, width, height = grid(menu)
    bounds = []
    for index in range(len(menu.buttons)):
        row, column = divmod(index, menu.columns)
        x0, x1 = column * width // menu.columns, (column + 1) * width // menu.columns
        y0, y1 = row * height // rows, (row + 1) * height // rows
        bounds.append((x0, y0, x1 - x0, y1 - y0))
    return bounds


def action_of(button: RichMenuButton) -> dict[str, Any]:
    """The Messaging API action for a button: a postback naming the dialog event, a message, or a link."""
    if button.event is not None:
        return {"type": "postback", "label": button.label, "data": button.event, "displayText": button.label}
    if button.text is not None:
        return {"type": "message", "label": button.label, "text": button.text}
    return {"type": "uri", "label": button.label, "uri": button.uri}


def _font(size: int) -> ImageFont.FreeTypeFont:
    """Noto Sans JP at `size` pixels."""
    from PIL import ImageFont
    from pylopdf_fonts_cjk import sans_path

    return ImageFont.truetype(str(sans_path()), size)


def _fitted_font(draw: ImageDraw.ImageDraw, label: str, room: int) -> ImageFont.FreeTypeFont:
    """The largest font (down to the smallest allowed) at which `label` fits in `room` pixels."""
    size = LARGEST_FONT_PX
    while size > SMALLEST_FONT_PX and draw.textlength(label, font=_font(size)) > room:
        size -= 4
    return _font(size)


def render(menu: RichMenu) -> bytes:
    """The menu's image as PNG: a white grid, each label centred in its cell (Pillow loads only here)."""
    from PIL import Image, ImageDraw

    _, width, height = grid(menu)
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for button, (x, y, w, h) in zip(menu.buttons, cells(menu), strict=True):
        draw.rectangle((x, y, x + w - 1, y + h - 1), outline=GRID, width=6)
        draw.rectangle((x + 6, y + 6, x + w - 7, y + 18), fill=ACCENT)
        font = _fitted_font(draw, button.label, w - 2 * LABEL_MARGIN)
        draw.text((x + w / 2, y + h / 2), button.label, font=font, fill=INK, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def build(kind: MenuKind, menu: RichMenu) -> MenuBuild:
    """The menu's definition and image; its name carries a digest of both."""
    image = render(menu)
    _, width, height = grid(menu)
    areas = [
        {"bounds": {"x": x, "y": y, "width": w, "height": h}, "action": action_of(button)}
        for button, (x, y, w, h) in zip(menu.buttons, cells(menu), strict=True)
    ]
    definition: dict[str, Any] = {
        "size": {"width": width, "height": height},
        "selected": kind == "person",
        "chatBarText": menu.chat_bar_text,
        "areas": areas,
    }
    digest = hashlib.sha256(json.dumps(definition, sort_keys=True).encode() + image).hexdigest()[:16]
    return MenuBuild(kind, {**definition, "name": menu_name(kind, digest)}, image)
