"""Posters that weigh what photographs weigh, made with Pillow (nothing is downloaded).

A flat drawing compresses to a few kilobytes and would hide what a real poster costs a phone.
These scenes (sky, sun, hills, houses, people) get a photograph's detail at every scale, so a
1280x720 JPEG weighs about 125 KB, like the campaign's real photos (81 to 127 KB), and
each smaller rendition keeps a photo's weight too.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1280, 720)
# Sky and ground colours: dawn, dusk, midday, overcast, evening, haze.
LIGHTS = [
    ((120, 170, 220), (90, 120, 60)),
    ((230, 170, 120), (150, 110, 70)),
    ((170, 200, 230), (60, 100, 70)),
    ((190, 195, 200), (110, 115, 90)),
    ((240, 150, 110), (120, 80, 60)),
    ((200, 215, 225), (130, 140, 100)),
]


def scene(seed):
    """The JPEG bytes of an outdoor scene laid out by this seed (the grain differs each time)."""
    rnd = random.Random(seed)  # noqa: S311 (a picture's layout, not a secret)
    sky, ground = LIGHTS[seed % len(LIGHTS)]
    width, height = SIZE
    darker = tuple(max(0, channel - 60) for channel in sky)
    gradient = Image.linear_gradient("L").resize(SIZE)
    image = Image.composite(Image.new("RGB", SIZE, sky), Image.new("RGB", SIZE, darker), gradient)

    sun_x, sun_y = rnd.randint(width // 5, 4 * width // 5), rnd.randint(height // 8, height // 3)
    glow = Image.new("L", SIZE, 0)
    ImageDraw.Draw(glow).ellipse((sun_x - 90, sun_y - 90, sun_x + 90, sun_y + 90), fill=255)
    glow = glow.filter(ImageFilter.GaussianBlur(60))
    image = Image.composite(Image.new("RGB", SIZE, (255, 236, 200)), image, glow)

    draw = ImageDraw.Draw(image)
    for layer in range(4):
        base = height * (0.45 + 0.12 * layer)
        colour = tuple(int(channel * (0.55 + 0.15 * layer)) for channel in ground)
        phase = rnd.random() * 6
        ridge = [
            (x, base + 40 * math.sin(x / (140 + 60 * layer) + phase) + rnd.randint(-8, 8))
            for x in range(0, width + 20, 20)
        ]
        draw.polygon([(0, height), *ridge, (width, height)], fill=colour)
    for _house in range(rnd.randint(5, 9)):
        x, y = rnd.randint(0, width), int(height * 0.62) + rnd.randint(-20, 40)
        side = rnd.randint(30, 80)
        wall = tuple(rnd.randint(60, 200) for _channel in range(3))
        draw.rectangle((x, y - side, x + side * 1.4, y), fill=wall)
        roof = [(x - 8, y - side), (x + side * 0.7, y - side * 1.6), (x + side * 1.4 + 8, y - side)]
        draw.polygon(roof, fill=tuple(channel // 2 for channel in wall))
    for _person in range(3):
        x, y, tall = (
            rnd.randint(width // 6, 5 * width // 6),
            int(height * 0.92),
            rnd.randint(150, 230),
        )
        draw.ellipse(
            (x - tall // 8, y - tall, x + tall // 8, y - tall + tall // 4), fill=(40, 30, 28)
        )
        draw.rounded_rectangle(
            (x - tall // 5, y - tall + tall // 4, x + tall // 5, y), 20, (50, 40, 38)
        )

    # A lens's softness, then grain at four scales (leaves, fabric, dust, sensor).
    image = image.filter(ImageFilter.GaussianBlur(2.2))
    for factor, amount in ((16, 0.08), (6, 0.08), (2, 0.08), (1, 0.05)):
        grain = Image.effect_noise((width // factor, height // factor), 70)
        grain = grain.resize(SIZE, Image.Resampling.BICUBIC)
        image = Image.blend(image, Image.merge("RGB", [grain] * 3), amount)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
