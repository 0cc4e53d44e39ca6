#!/bin/sh
# memview-quick.sh: make memview's runner in a short form (512M, a stress
# run of 2000 operations) into build/test/memview/: the frames, the
# contact sheet, the GIF and the pagemap pictures are made, the frames
# are 640x480 and differ from one another (the picture is live).
set -eu
out=${BUILD:-build}/test/memview
MEMVIEW_STRESS=2000 tools/memview-run.sh "${BUILD:-build}/kernel.iso" 512M "$out"
/usr/bin/python3 - "$out" <<'PY'
import sys
from pathlib import Path
from PIL import Image

out = Path(sys.argv[1])
frames = sorted(out.glob("frame-*.png"))
assert len(frames) >= 8, f"only {len(frames)} frames"
images = [Image.open(f).convert("RGB") for f in frames]
assert all(i.size == (640, 480) for i in images), [i.size for i in images]
# The frame counter at the bottom changes from one screendump to the next.
assert len({i.tobytes() for i in images}) > 1, "every frame is the same"
for name in ("sheet.png", "memview.gif", "pagemap-fresh-boot.png",
             "pagemap-after-stress.png", "pagemap-user-programs.png"):
    assert (out / name).stat().st_size > 0, name
assert "stress: PASS" in (out / "serial.log").read_text()
print(f"memview-quick: {len(frames)} frames and the pictures in {out}")
PY
