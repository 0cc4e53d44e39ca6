#!/usr/bin/python3
"""Unit tests of tools/bochs-run.py's output scanner and input router,
without Bochs: what is shown, which prompt was seen, and where each
line of input goes. Run from the top of the tree."""
import importlib.util
import io
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "bochs_run", os.path.join(HERE, "..", "..", "tools", "bochs-run.py"))
bochs_run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bochs_run)
SHELL, DEBUGGER = bochs_run.SHELL, bochs_run.DEBUGGER

NOISE = b"00000000000i[PLUGIN] loaded plugin libbx_serial.so\n"
SESSION = (NOISE + b"=====\nhmkernel 0.1\n10 pages\nkernel> break\n"
           b"(0) Magic breakpoint\n<bochs:1> c\nkernel> poweroff\n"
           b"Power off: success\n")


def scan(chunks):
    """Feed @chunks to a BochsOutput; return (shown, owners, status)."""
    sink = io.BytesIO()
    out = bochs_run.BochsOutput(sink)
    owners = [o for o in (out.feed(c) for c in chunks) if o]
    out.finish()
    return sink.getvalue(), owners, out.status


class OutputTest(unittest.TestCase):
    def test_whole_and_byte_by_byte_agree(self):
        whole = scan([SESSION])
        single = scan([SESSION[i:i + 1] for i in range(len(SESSION))])
        self.assertEqual(whole[0], single[0])
        self.assertEqual(whole[2], single[2])

    def test_startup_noise_hidden_rest_shown(self):
        shown, _, _ = scan([SESSION[i:i + 7] for i in range(0, len(SESSION), 7)])
        self.assertNotIn(b"loaded plugin", shown)
        self.assertEqual(shown, SESSION[len(NOISE):])

    def test_prompts_in_order_even_when_split(self):
        _, owners, _ = scan([b"kernel", b"> break\n<boc", b"hs:12> "])
        self.assertEqual(owners, [SHELL, DEBUGGER])
        _, owners, _ = scan([b"kernel> x\n", b"<bochs:3> c\n", b"kernel> "])
        self.assertEqual(owners, [SHELL, DEBUGGER, SHELL])

    def test_partial_prompt_shown_at_once(self):
        sink = io.BytesIO()
        bochs_run.BochsOutput(sink).feed(b"<bochs:2> ")
        self.assertEqual(sink.getvalue(), b"<bochs:2> ")

    def test_status_from_the_power_off_line(self):
        self.assertEqual(scan([SESSION])[2], bochs_run.EXIT_SUCCESS)
        self.assertEqual(scan([b"Power off: FAILURE\n"])[2],
                         bochs_run.EXIT_FAILURE)
        self.assertIsNone(scan([b"kernel> Power off: success\n"])[2])


class RouterTest(unittest.TestCase):
    def test_piped_lines_wait_one_per_prompt(self):
        r = bochs_run.InputRouter(interactive=False)
        r.add(b"break\nr\nc\nmeminfo\n")
        self.assertEqual(r.take(0), [])  # nothing before the first prompt
        r.prompted(SHELL)
        self.assertEqual(r.take(0), [(SHELL, b"break\n")])
        self.assertEqual(r.take(100), [])  # no time limit when piped
        r.prompted(DEBUGGER)
        self.assertEqual(r.take(0), [(DEBUGGER, b"r\n")])
        r.prompted(DEBUGGER)
        self.assertEqual(r.take(0), [(DEBUGGER, b"c\n")])
        r.prompted(SHELL)
        self.assertEqual(r.take(0), [(SHELL, b"meminfo\n")])

    def test_typed_keys_go_at_once_and_typeahead_is_held(self):
        r = bochs_run.InputRouter(interactive=True)
        r.add(b"he")
        self.assertEqual(r.take(0), [(SHELL, b"he")])
        r.add(b"lp\rmem")
        self.assertEqual(r.take(0), [(SHELL, b"lp\r")])
        self.assertFalse(r.at_debugger_prompt())
        hold = bochs_run.TYPEAHEAD_HOLD
        self.assertEqual(r.take(hold / 2), [])
        self.assertEqual(r.take(hold), [(SHELL, b"mem")])

    def test_after_continue_typing_returns_to_the_shell(self):
        r = bochs_run.InputRouter(interactive=True)
        r.prompted(DEBUGGER)
        self.assertTrue(r.at_debugger_prompt())
        r.add(b"c\r")
        self.assertEqual(r.take(0), [(DEBUGGER, b"c\r")])
        r.add(b"ps")
        self.assertEqual(r.take(bochs_run.TYPEAHEAD_HOLD), [(SHELL, b"ps")])

    def test_crlf_is_one_line_end(self):
        r = bochs_run.InputRouter(interactive=False)
        r.add(b"a\r\nb\r\n")
        r.prompted(SHELL)
        self.assertEqual(r.take(0), [(SHELL, b"a\r\n")])


class MemTest(unittest.TestCase):
    def test_sizes(self):
        self.assertEqual(bochs_run.parse_mem("512M"), 512)
        self.assertEqual(bochs_run.parse_mem("6G"), 6144)
        self.assertEqual(bochs_run.parse_mem("64"), 64)
        for bad in ("0", "6T", "1.5G", ""):
            with self.assertRaises(bochs_run.Refused):
                bochs_run.parse_mem(bad)

    def test_limit(self):
        bochs_run.check_mem(2048, "2G")
        with self.assertRaises(bochs_run.Refused):
            bochs_run.check_mem(9 * 1024, "9G")


if __name__ == "__main__":
    unittest.main()
