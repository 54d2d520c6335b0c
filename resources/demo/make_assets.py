"""Regenerate the demo campaign's images in ``resources/demo/assets/``.

Every image is drawn from shapes, gradients and the fictional brand name with
Qt's QPainter: no photographs, no third-party artwork. Run it with PySide6
installed, without a display::

    QT_QPA_PLATFORM=offscreen python resources/demo/make_assets.py

The output is deterministic for a given Qt version and font set (the ridges
use fixed random seeds). ``social.png`` is deliberately problematic
for the Saudi market (two wine glasses on the picnic blanket); see README.md.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRadialGradient,
)

OUT = Path(__file__).resolve().parent / "assets"
BRAND = "TERNWAY"
FONT_FAMILIES = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"]

NAVY = QColor("#12324a")
TEAL = QColor("#1f6f78")
SAND = QColor("#f3e3c3")
CORAL = QColor("#e8735a")
MOSS = QColor("#5c7a4d")


def brand_font(pixel_size: int, weight: QFont.Weight = QFont.Weight.Bold) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(pixel_size)
    font.setWeight(weight)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
    return font


def new_image(width: int, height: int) -> tuple[QImage, QPainter]:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return image, painter


def vertical_gradient(painter: QPainter, rect: QRectF, stops: list[tuple[float, str]]) -> None:
    gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
    for position, color in stops:
        gradient.setColorAt(position, QColor(color))
    painter.fillRect(rect, QBrush(gradient))


def ridge(width: float, base: float, amplitude: float, seed: int, step: float = 40) -> QPolygonF:
    """A mountain ridge as a closed polygon from the left edge to the right edge."""
    rng = random.Random(seed)
    points = [QPointF(0, base + 400)]
    x = 0.0
    y = base
    while x <= width + step:
        points.append(QPointF(x, y))
        x += step
        y = base - amplitude * abs(math.sin(x / (width / 3.1) + seed)) + rng.uniform(-18, 18)
    points.append(QPointF(width, base + 400))
    return QPolygonF(points)


def tern(painter: QPainter, center: QPointF, span: float, color: QColor) -> None:
    """A stylised Arctic tern in flight: two swept wings and a forked tail."""
    cx, cy = center.x(), center.y()
    path = QPainterPath(QPointF(cx - span / 2, cy - span * 0.12))
    path.quadTo(cx - span * 0.22, cy - span * 0.18, cx, cy)
    path.quadTo(cx + span * 0.22, cy - span * 0.18, cx + span / 2, cy - span * 0.12)
    path.quadTo(cx + span * 0.2, cy - span * 0.02, cx + span * 0.04, cy + span * 0.06)
    path.lineTo(cx + span * 0.03, cy + span * 0.2)
    path.lineTo(cx, cy + span * 0.1)
    path.lineTo(cx - span * 0.03, cy + span * 0.2)
    path.lineTo(cx - span * 0.04, cy + span * 0.06)
    path.quadTo(cx - span * 0.2, cy - span * 0.02, cx - span / 2, cy - span * 0.12)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPath(path)
    painter.restore()


def backpack(painter: QPainter, rect: QRectF, body: QColor, accent: QColor) -> None:
    """The Migrate 40 travel pack, front view, drawn from rounded shapes."""
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    # Shadow.
    shadow = QRadialGradient(QPointF(x + w / 2, y + h * 1.01), w * 0.62)
    shadow.setColorAt(0.0, QColor(0, 0, 0, 90))
    shadow.setColorAt(1.0, QColor(0, 0, 0, 0))
    painter.setBrush(QBrush(shadow))
    painter.drawEllipse(QPointF(x + w / 2, y + h * 1.01), w * 0.62, h * 0.06)
    # Carry handle.
    painter.setPen(
        QPen(accent.darker(130), w * 0.045, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(x + w * 0.36, y - h * 0.07, w * 0.28, h * 0.16), 0, 180 * 16)
    painter.setPen(Qt.PenStyle.NoPen)
    # Body with a soft vertical shading.
    shade = QLinearGradient(QPointF(x, y), QPointF(x + w, y))
    shade.setColorAt(0.0, body.darker(125))
    shade.setColorAt(0.45, body.lighter(112))
    shade.setColorAt(1.0, body.darker(135))
    painter.setBrush(QBrush(shade))
    painter.drawRoundedRect(rect, w * 0.16, w * 0.16)
    # Lid.
    painter.setBrush(body.darker(118))
    painter.drawRoundedRect(
        QRectF(x + w * 0.04, y + h * 0.02, w * 0.92, h * 0.2), w * 0.12, w * 0.12
    )
    # Front pocket.
    painter.setBrush(accent)
    painter.drawRoundedRect(
        QRectF(x + w * 0.17, y + h * 0.5, w * 0.66, h * 0.38), w * 0.09, w * 0.09
    )
    # Zips.
    painter.setPen(QPen(QColor(30, 30, 30, 150), max(2.0, w * 0.012)))
    painter.drawLine(QPointF(x + w * 0.12, y + h * 0.24), QPointF(x + w * 0.88, y + h * 0.24))
    painter.drawLine(QPointF(x + w * 0.22, y + h * 0.56), QPointF(x + w * 0.78, y + h * 0.56))
    # Compression straps.
    painter.setPen(QPen(QColor(25, 25, 25, 200), w * 0.035))
    for fx in (0.3, 0.7):
        painter.drawLine(QPointF(x + w * fx, y + h * 0.26), QPointF(x + w * fx, y + h * 0.48))
    # Logo patch with a small tern.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(SAND)
    painter.drawRoundedRect(QRectF(x + w * 0.4, y + h * 0.32, w * 0.2, h * 0.1), 6, 6)
    tern(painter, QPointF(x + w * 0.5, y + h * 0.37), w * 0.13, NAVY)
    painter.restore()


def wordmark(painter: QPainter, pos: QPointF, size: int, color: QColor, sub: str = "") -> None:
    painter.save()
    painter.setPen(color)
    painter.setFont(brand_font(size))
    painter.drawText(pos, BRAND)
    if sub:
        painter.setFont(brand_font(int(size * 0.42), QFont.Weight.Normal))
        painter.drawText(QPointF(pos.x() + 2, pos.y() + size * 0.75), sub)
    painter.restore()


def make_hero() -> QImage:
    """Dawn over layered ridges, a tern crossing the sky: the campaign's key visual."""
    width, height = 1200, 600
    image, p = new_image(width, height)
    vertical_gradient(
        p,
        QRectF(0, 0, width, height),
        [(0.0, "#0f2d47"), (0.45, "#3f7f8c"), (0.78, "#f2b48a"), (1.0, "#f6d7a7")],
    )
    sun = QRadialGradient(QPointF(860, 380), 260)
    sun.setColorAt(0.0, QColor(255, 236, 190, 255))
    sun.setColorAt(0.18, QColor(255, 214, 150, 220))
    sun.setColorAt(1.0, QColor(255, 200, 140, 0))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(sun))
    p.drawEllipse(QPointF(860, 380), 260, 260)
    for index, (base, amp, color) in enumerate(
        [(430, 150, "#35606e"), (480, 120, "#23495a"), (540, 90, "#17323f")]
    ):
        p.setBrush(QColor(color))
        p.drawPolygon(ridge(width, base, amp, seed=7 + index))
    for i, (cx, cy, span) in enumerate([(300, 170, 120), (380, 230, 70), (455, 150, 48)]):
        tern(p, QPointF(cx, cy), span, QColor(250, 248, 240, 235 - i * 30))
    backpack(p, QRectF(905, 395, 150, 185), QColor("#d86a4f"), QColor("#244c5a"))
    wordmark(p, QPointF(60, 96), 54, SAND, "Migrate 40")
    p.end()
    return image


def make_banner() -> QImage:
    """Display banner 970×250: sea and net lines, no copy (the tagline is set in HTML)."""
    width, height = 970, 250
    image, p = new_image(width, height)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, 0))
    gradient.setColorAt(0.0, QColor("#0e3a53"))
    gradient.setColorAt(0.6, QColor("#1f6f78"))
    gradient.setColorAt(1.0, QColor("#58a39b"))
    p.fillRect(QRectF(0, 0, width, height), QBrush(gradient))
    # A knotted net pattern fading to the right: the recycled fishing nets.
    for i in range(-6, 16):
        alpha = max(0, 64 - i * 4)
        if not alpha:
            continue
        p.setPen(QPen(QColor(243, 227, 195, alpha), 1.6))
        p.drawLine(QPointF(i * 40, 0), QPointF(i * 40 + 180, height))
        p.drawLine(QPointF(i * 40 + 180, 0), QPointF(i * 40, height))
    # Swell lines.
    for row in range(5):
        path = QPainterPath(QPointF(0, 170 + row * 18))
        for x in range(0, width + 40, 40):
            path.lineTo(x, 170 + row * 18 + 6 * math.sin(x / 55 + row))
        p.setPen(QPen(QColor(255, 255, 255, 60 - row * 8), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    tern(p, QPointF(700, 80), 110, QColor(250, 248, 240, 240))
    tern(p, QPointF(790, 120), 60, QColor(250, 248, 240, 190))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(CORAL)
    p.drawRoundedRect(QRectF(40, 86, 8, 78), 4, 4)
    wordmark(p, QPointF(66, 140), 46, SAND)
    p.end()
    return image


def wine_glass(p: QPainter, base: QPointF, scale: float, tilt: float) -> None:
    """A stemmed glass of red wine (the deliberate problem for the Saudi market)."""
    p.save()
    p.translate(base)
    p.rotate(tilt)
    p.scale(scale, scale)
    glass = QColor(255, 255, 255, 120)
    p.setPen(QPen(QColor(255, 255, 255, 200), 2))
    p.setBrush(glass)
    p.drawEllipse(QRectF(-22, -4, 44, 10))  # foot
    p.drawRect(QRectF(-2.5, -62, 5, 60))  # stem
    bowl = QPainterPath(QPointF(-30, -140))
    bowl.cubicTo(-34, -90, -18, -62, 0, -62)
    bowl.cubicTo(18, -62, 34, -90, 30, -140)
    bowl.closeSubpath()
    p.drawPath(bowl)
    wine = QPainterPath(QPointF(-31, -108))
    wine.cubicTo(-28, -80, -14, -66, 0, -66)
    wine.cubicTo(14, -66, 28, -80, 31, -108)
    wine.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#7a1030"))
    p.drawPath(wine)
    p.restore()


def make_social() -> QImage:
    """Golden-hour picnic, 1080×1080, the global social key visual."""
    size = 1080
    image, p = new_image(size, size)
    vertical_gradient(
        p,
        QRectF(0, 0, size, size),
        [(0.0, "#f7b267"), (0.35, "#f4845f"), (0.6, "#f25c54"), (1.0, "#7d3c55")],
    )
    p.setPen(Qt.PenStyle.NoPen)
    sun = QRadialGradient(QPointF(720, 470), 220)
    sun.setColorAt(0.0, QColor(255, 244, 214, 255))
    sun.setColorAt(0.25, QColor(255, 226, 170, 200))
    sun.setColorAt(1.0, QColor(255, 210, 150, 0))
    p.setBrush(QBrush(sun))
    p.drawEllipse(QPointF(720, 470), 220, 220)
    for index, (base, amp, color) in enumerate(
        [(560, 110, "#a4556a"), (640, 70, "#6b3a58"), (720, 40, "#4a5a3c")]
    ):
        p.setBrush(QColor(color))
        p.drawPolygon(ridge(size, base, amp, seed=31 + index, step=60))
    # Meadow.
    vertical_gradient(p, QRectF(0, 760, size, 320), [(0.0, "#5f7d45"), (1.0, "#3d5230")])
    # Checked picnic blanket in perspective.
    blanket = QPolygonF(
        [QPointF(170, 820), QPointF(930, 820), QPointF(1040, 1060), QPointF(40, 1060)]
    )
    p.setBrush(SAND)
    p.drawPolygon(blanket)
    p.setPen(QPen(QColor(200, 80, 70, 170), 14))
    for i in range(1, 8):
        t = i / 8
        top = QPointF(170 + (930 - 170) * t, 820)
        bottom = QPointF(40 + (1040 - 40) * t, 1060)
        p.drawLine(top, bottom)
    for i in range(1, 4):
        t = i / 4
        y = 820 + 240 * t
        left = 170 + (40 - 170) * t
        right = 930 + (1040 - 930) * t
        p.drawLine(QPointF(left, y), QPointF(right, y))
    p.setPen(Qt.PenStyle.NoPen)
    # Bread loaf and a cheese wedge.
    p.setBrush(QColor("#c98a3f"))
    p.drawRoundedRect(QRectF(300, 900, 220, 62), 31, 31)
    p.setPen(QPen(QColor("#8a5a24"), 5))
    for x in (350, 400, 450):
        p.drawLine(QPointF(x, 912), QPointF(x + 26, 950))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f5cf5c"))
    p.drawPolygon(QPolygonF([QPointF(560, 975), QPointF(660, 975), QPointF(560, 920)]))
    # Two glasses of red wine.
    wine_glass(p, QPointF(610, 905), 1.0, -4)
    wine_glass(p, QPointF(680, 912), 0.95, 5)
    # The pack, leaning on the blanket.
    backpack(p, QRectF(760, 700, 190, 240), QColor("#1f6f78"), QColor("#e8735a"))
    tern(p, QPointF(260, 260), 140, QColor(255, 250, 240, 235))
    wordmark(p, QPointF(70, 120), 58, QColor("#fff6e6"), "#PackLight")
    p.end()
    return image


def make_product() -> QImage:
    """Studio product shot of the Migrate 40 on a soft backdrop, 1000×1000."""
    size = 1000
    image, p = new_image(size, size)
    backdrop = QRadialGradient(QPointF(500, 420), 720)
    backdrop.setColorAt(0.0, QColor("#fbf7ef"))
    backdrop.setColorAt(1.0, QColor("#d9d2c3"))
    p.fillRect(QRectF(0, 0, size, size), QBrush(backdrop))
    backpack(p, QRectF(330, 250, 340, 480), QColor("#d86a4f"), QColor("#244c5a"))
    p.setPen(NAVY)
    p.setFont(brand_font(44))
    p.drawText(QRectF(0, 820, size, 60), Qt.AlignmentFlag.AlignHCenter, "Migrate 40")
    p.setFont(brand_font(22, QFont.Weight.Normal))
    p.drawText(QRectF(0, 878, size, 40), Qt.AlignmentFlag.AlignHCenter, "40 L  ·  1.1 kg")
    wordmark(p, QPointF(48, 84), 34, NAVY)
    p.end()
    return image


def make_giftset() -> QImage:
    """The Nest packing cubes (set of four) with a ribbon, 1000×750."""
    width, height = 1000, 750
    image, p = new_image(width, height)
    backdrop = QRadialGradient(QPointF(width / 2, height * 0.45), width * 0.75)
    backdrop.setColorAt(0.0, QColor("#fbf6ec"))
    backdrop.setColorAt(1.0, QColor("#dccfb6"))
    p.fillRect(QRectF(0, 0, width, height), QBrush(backdrop))
    p.setPen(Qt.PenStyle.NoPen)
    cubes = [
        (QRectF(160, 400, 420, 230), "#1f6f78"),
        (QRectF(600, 430, 260, 200), "#e8735a"),
        (QRectF(220, 220, 300, 180), "#5c7a4d"),
        (QRectF(560, 280, 220, 150), "#12324a"),
    ]
    for rect, color in cubes:
        shadow = QRectF(rect.x() + 10, rect.bottom() - 6, rect.width(), 18)
        p.setBrush(QColor(0, 0, 0, 40))
        p.drawRoundedRect(shadow, 9, 9)
        base = QColor(color)
        shade = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        shade.setColorAt(0.0, base.lighter(118))
        shade.setColorAt(1.0, base.darker(118))
        p.setBrush(QBrush(shade))
        p.drawRoundedRect(rect, 26, 26)
        # Mesh window and zip.
        mesh = rect.adjusted(
            rect.width() * 0.12, rect.height() * 0.28, -rect.width() * 0.12, -rect.height() * 0.18
        )
        p.setBrush(QColor(255, 255, 255, 40))
        p.drawRoundedRect(mesh, 12, 12)
        p.setPen(QPen(QColor(255, 255, 255, 55), 1))
        step = 9
        x = mesh.left() + step
        while x < mesh.right():
            p.drawLine(QPointF(x, mesh.top() + 4), QPointF(x, mesh.bottom() - 4))
            x += step
        p.setPen(QPen(QColor(20, 20, 20, 130), 4))
        p.drawLine(
            QPointF(rect.left() + 24, rect.top() + rect.height() * 0.16),
            QPointF(rect.right() - 24, rect.top() + rect.height() * 0.16),
        )
        p.setPen(Qt.PenStyle.NoPen)
    # Ribbon around the stack.
    p.setBrush(QColor(196, 160, 82, 230))
    p.drawRect(QRectF(480, 210, 34, 425))
    bow = QPainterPath(QPointF(497, 212))
    bow.cubicTo(430, 140, 400, 230, 497, 212)
    bow.cubicTo(594, 230, 564, 140, 497, 212)
    p.drawPath(bow)
    wordmark(p, QPointF(48, 84), 34, NAVY)
    p.setPen(NAVY)
    p.setFont(brand_font(30, QFont.Weight.Normal))
    p.drawText(QRectF(0, 665, width, 50), Qt.AlignmentFlag.AlignHCenter, "Nest Packing Cubes")
    p.end()
    return image


IMAGES = {
    "hero.png": make_hero,
    "banner.png": make_banner,
    "social.png": make_social,
    "product.png": make_product,
    "giftset.png": make_giftset,
}


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in IMAGES.items():
        image = draw()
        target = OUT / name
        if not image.save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(
            f"{target.name}: {image.width()}×{image.height()}, {target.stat().st_size // 1024} KB"
        )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
