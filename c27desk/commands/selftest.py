"""``selftest``: the whole chain on throwaway data, to check an installation (the built program in CI)."""

from __future__ import annotations

from c27desk.i18n import msg


def register(sub) -> None:
    p = sub.add_parser("selftest",
                       help=msg("tự kiểm tra toàn bộ chương trình trên dữ liệu tạm",
                                "check this installation"))
    p.set_defaults(func=cmd_selftest)


def cmd_selftest(ctx, args) -> int:
    from c27desk.selftest import run_selftest

    total = 0.0
    for step in run_selftest():
        total += step.seconds
        print(f"  ✓ {step.label.render():<15} {step.seconds * 1000:7.0f} ms  {step.detail}", flush=True)
    ctx.say(msg("Tự kiểm tra đạt ({total} s).",
                "Self-test passed ({total} s).",
                total=round(total, 1)))  # a number: "1,8 s" in Vietnamese
    return 0
