"""Generate the sample's two stand-in photos (2000 × 1333 px JPEG).

The seed page came without its photos, so these are painted procedurally: a
street scene with a building, a canopy, tables and a crowd, with film grain
and soft focus so that they behave like real photographs in print (tones,
detail, JPEG size). Deterministic: run it again and the files are the same.
Run: python issues/sample/photos/make_photos.py
"""
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

W, H = 2000, 1333
HERE = Path(__file__).resolve().parent


def scene(seed: int, canopy: tuple[int, int, int], sign: tuple[int, int, int]) -> Image.Image:
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 1, H)[:, None, None]
    sky = (np.array([150, 185, 225]) * (1 - y) + np.array([225, 232, 240]) * y)
    img = Image.fromarray(np.broadcast_to(sky, (H, W, 3)).astype(np.uint8))
    d = ImageDraw.Draw(img)
    for bx in range(-100, W, 520):  # buildings with rows of windows
        top = int(rng.integers(120, 380))
        wall = tuple(int(v) for v in rng.integers(170, 215, 3))
        d.rectangle([bx, top, bx + 500, 800], fill=wall)
        for wy in range(top + 40, 760, 90):
            for wx in range(bx + 30, bx + 480, 80):
                d.rectangle([wx, wy, wx + 45, wy + 55], fill=(90, 110, 130))
    d.rectangle([0, 780, W, H], fill=(128, 124, 118))  # pavement
    d.polygon([(350, 560), (1650, 560), (1750, 680), (250, 680)], fill=canopy)
    for px in (300, 1700):
        d.rectangle([px - 8, 680, px + 8, 1000], fill=(60, 60, 60))
    d.rectangle([600, 590, 1400, 650], fill=sign)
    d.rectangle([420, 900, 1580, 960], fill=(235, 235, 230))  # table
    for _ in range(38):  # people: body, head
        cx = int(rng.integers(80, W - 80)); base = int(rng.integers(980, 1300))
        s = base / 1100
        coat = tuple(int(v) for v in rng.integers(30, 220, 3))
        d.rounded_rectangle([cx - 55 * s, base - 330 * s, cx + 55 * s, base], 30, fill=coat)
        skin = tuple(int(v) for v in (rng.integers(200, 235), rng.integers(160, 190), rng.integers(130, 160)))
        d.ellipse([cx - 32 * s, base - 420 * s, cx + 32 * s, base - 340 * s], fill=skin)
        d.chord([cx - 34 * s, base - 425 * s, cx + 34 * s, base - 370 * s], 180, 360, fill=(25, 22, 20))
    img = img.filter(ImageFilter.GaussianBlur(1.6))
    grain = rng.normal(0, 7, (H, W, 1))
    shade = 1 - 0.25 * ((np.linspace(-1, 1, W)[None, :] ** 2) + (np.linspace(-1, 1, H)[:, None] ** 2))[..., None]
    arr = np.clip(np.asarray(img, dtype=np.float32) * shade + grain, 0, 255).astype(np.uint8)
    return Image.fromarray(arr)


if __name__ == "__main__":
    scene(7, (200, 40, 40), (250, 250, 250)).save(HERE / "yizhen.jpg", quality=88, optimize=True)
    scene(11, (40, 90, 180), (250, 220, 60)).save(HERE / "wenhua.jpg", quality=88, optimize=True)
