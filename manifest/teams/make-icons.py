#!/usr/bin/env python3
"""Draws the IncidentBot Teams icons (a warning triangle with an exclamation mark) as PNG files.

color.png   192x192, white triangle on a red tile
outline.png  32x32,  white triangle outline on transparent (Teams' rule for outline icons)

Standard library only: python3 make-icons.py
"""
import math
import struct
import zlib


def png(path, width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(pixel(x + 0.5, y + 0.5))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def triangle(size, margin):
    top = (size / 2, margin)
    return [top, (size - margin, size - margin * 1.2), (margin, size - margin * 1.2)]


def inside(p, tri):
    (x, y), (a, b, c) = p, tri

    def side(p1, p2):
        return (x - p2[0]) * (p1[1] - p2[1]) - (p1[0] - p2[0]) * (y - p2[1])

    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def edge_distance(p, tri):
    best = math.inf
    for i in range(3):
        (ax, ay), (bx, by) = tri[i], tri[(i + 1) % 3]
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy)))
    return best


def exclamation(p, size):
    x, y = p
    cx, w = size / 2, size * 0.045
    bar = abs(x - cx) <= w and size * 0.36 <= y <= size * 0.64
    dot = math.hypot(x - cx, y - size * 0.74) <= w * 1.2
    return bar or dot


def color_pixel(x, y):
    size, tri = 192, triangle(192, 34)
    if inside((x, y), tri) and not exclamation((x, y), size):
        return (255, 255, 255, 255)
    return (196, 43, 28, 255)  # alert red


def outline_pixel(x, y):
    size, tri = 32, triangle(32, 3)
    stroke = edge_distance((x, y), tri) <= 1.1
    mark = exclamation((x, y), size) and inside((x, y), tri)
    return (255, 255, 255, 255) if stroke or mark else (0, 0, 0, 0)


if __name__ == "__main__":
    png("color.png", 192, 192, color_pixel)
    png("outline.png", 32, 32, outline_pixel)
