"""Make the demo's scanned PDF of gymnasium №12 (run once; the PDF is committed
beside this file):

    .venv/bin/python mektep/demo/files/generate_scan.py

A page of an order of the director, in Russian and Kyrgyz, drawn as a picture
(as a scanner makes it: a little tilted, grey paper) and saved as a PDF with no
text layer, so that the platform flags it as a scan and, where Tesseract is
installed, can recognize its text.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
DPI = 150
LINES = [
    (BOLD, 34, "Гимназия №12"),
    (BOLD, 34, "ПРИКАЗ № 47"),
    (FONT, 28, "от 2 сентября 2026 года"),
    (FONT, 28, ""),
    (BOLD, 28, "О режиме работы гимназии в 2026-2027 учебном году"),
    (FONT, 28, ""),
    (FONT, 28, "1. Установить начало занятий в 8 часов 00 минут."),
    (FONT, 28, "2. Продолжительность урока 45 минут, перемены 10 минут."),
    (FONT, 28, "3. Дежурство учителей проводить по графику."),
    (FONT, 28, "4. Контроль за исполнением приказа оставляю за собой."),
    (FONT, 28, ""),
    (BOLD, 28, "№12 гимназиянын 2026-2027-окуу жылындагы иш тартиби"),
    (FONT, 28, "1. Сабактар саат 8:00дө башталат."),
    (FONT, 28, "2. Сабак 45 мүнөт, танапис 10 мүнөт."),
    (FONT, 28, ""),
    (FONT, 28, "Директор                                   Е. Ким"),
]


def main():
    width, height = int(8.27 * DPI), int(11.69 * DPI)
    page = Image.new("L", (width, height), 236)
    draw = ImageDraw.Draw(page)
    top = 140
    for font_file, size, text in LINES:
        draw.text((110, top), text, fill=28, font=ImageFont.truetype(font_file, size))
        top += int(size * 1.9)
    scan = page.rotate(0.6, fillcolor=236, resample=Image.Resampling.BICUBIC)
    scan = scan.filter(ImageFilter.GaussianBlur(0.6))
    scan.save(HERE / "scanned-order.pdf", "PDF", resolution=DPI, quality=70)


if __name__ == "__main__":
    main()
