"""The risk engine's Monte Carlo (lib/risk/engine.ts) written the way a quant would write it in numpy:
vectorised over paths, one Python iteration per time step, on the SAME compiled book (the bench
exports lib/risk/compile.ts's arrays as JSON). Same model: Merton jump-diffusion of the log-price,
Brownian-bridge extremes sampled with one exponential per side and step, strikes and liquidation
prices crossed in sorted order (np.searchsorted), payouts from the same prefix tables, gaps at the
step's end, bad debt through the waterfall (float64 here; the engine runs the exact bigint twins).
The rare per-path work (gapped positions, the released-lock adjustment) is a Python loop over the
few paths it concerns, as the engine does it in plain code.

Usage: python3 risk_numpy.py book.json paths seed  → prints one JSON line (timings and means).
"""
import json
import sys
import time

import numpy as np

SKIP = 40.0


def main() -> None:
    book = json.load(open(sys.argv[1]))
    paths = int(sys.argv[2])
    seed = int(sys.argv[3])
    # Warm-up on a few paths (imports, first-call costs), then the timed run.
    run(book, min(paths, 2_000), seed + 1)
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    out = run(book, paths, seed)
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    out.update({"cpuSeconds": cpu, "wallSeconds": wall, "numpy": np.__version__})
    print(json.dumps(out))


def arr(values, dtype=np.float64):
    # JSON has no infinities: the exporter writes the sentinels as strings.
    return np.array([float(v) if isinstance(v, str) else v for v in values], dtype=dtype)


def run(book, P, seed):
    rng = np.random.default_rng(seed)
    K = book["steps"]
    drift, vol = book["drift"], book["stepVol"]
    two_var, two_over_var = book["twoVar"], float(book["twoOverVar"])
    lam, jmu, jsd = book["jumpsPerStep"], book["jumpMean"], book["jumpStdDev"]
    spot = book["spotUsd"]
    d_level, u_level = arr(book["down"]["level"]), arr(book["up"]["level"])
    l_level, s_level = arr(book["longs"]["level"]), arr(book["shorts"]["level"])
    neg_d, neg_l = -d_level, -l_level  # ascending, for searchsorted
    d_pref, u_pref = arr(book["down"]["prefix"]), arr(book["up"]["prefix"])
    l_bad, s_bad = arr(book["longs"]["badAtLiq"]), arr(book["shorts"]["badAtLiq"])
    l_a, l_b = arr(book["longs"]["a"]), arr(book["longs"]["b"])
    s_a, s_b = arr(book["shorts"]["a"]), arr(book["shorts"]["b"])
    has_venue = l_level.size > 1 or s_level.size > 1
    wf = Waterfall(book, P)

    x = np.zeros(P)
    pd = np.zeros(P, np.int64)
    pu = np.zeros(P, np.int64)
    pl = np.zeros(P, np.int64)
    ps = np.zeros(P, np.int64)
    cover_j = np.zeros(P)
    cover_s = np.zeros(P)
    bad_debt = np.zeros(P)
    liqs = np.zeros(P, np.int64)
    down_at = np.zeros((K, P), np.int64)
    up_at = np.zeros((K, P), np.int64)
    next_jump = rng.standard_exponential(P) / lam if lam > 0 else np.full(P, np.inf)

    for k in range(K):
        x1 = x + drift + vol * rng.standard_normal(P)
        step_bad = np.zeros(P)
        d = x1 - x

        # Falling side: bridge minimum against the highest level not yet crossed.
        lv = np.maximum(d_level[pd], l_level[pl])
        with np.errstate(invalid="ignore", over="ignore"):
            thr = np.where(x1 <= lv, 0.0, (x - lv) * (x1 - lv) * two_over_var)
        e = rng.standard_exponential(P)
        hit = (thr < SKIP) & (e >= thr) & np.isfinite(lv)
        m = np.where(hit, 0.5 * (x + x1 - np.sqrt(d * d + two_var * e)), np.inf)
        n = np.maximum(pd, np.searchsorted(neg_d, -m, "right"))
        cover_j += d_pref[2 * (n * K + k)] - d_pref[2 * (pd * K + k)]
        cover_s += d_pref[2 * (n * K + k) + 1] - d_pref[2 * (pd * K + k) + 1]
        pd = n
        n = np.maximum(pl, np.searchsorted(neg_l, -m, "right"))
        step_bad += l_bad[n] - l_bad[pl]
        liqs += n - pl
        pl = n

        # Rising side: bridge maximum.
        lv = np.minimum(u_level[pu], s_level[ps])
        with np.errstate(invalid="ignore", over="ignore"):
            thr = np.where(x1 >= lv, 0.0, (lv - x) * (lv - x1) * two_over_var)
        e = rng.standard_exponential(P)
        hit = (thr < SKIP) & (e >= thr) & np.isfinite(lv)
        m = np.where(hit, 0.5 * (x + x1 + np.sqrt(d * d + two_var * e)), -np.inf)
        n = np.maximum(pu, np.searchsorted(u_level, m, "right"))
        cover_j += u_pref[2 * (n * K + k)] - u_pref[2 * (pu * K + k)]
        cover_s += u_pref[2 * (n * K + k) + 1] - u_pref[2 * (pu * K + k) + 1]
        pu = n
        n = np.maximum(ps, np.searchsorted(s_level, m, "right"))
        step_bad += s_bad[n] - s_bad[ps]
        liqs += n - ps
        ps = n

        # Jumps at the step's end; what they jump over is gapped.
        while True:
            idx = np.nonzero(next_jump < k + 1)[0]
            if idx.size == 0:
                break
            x1[idx] += jmu + jsd * rng.standard_normal(idx.size)
            next_jump[idx] += rng.standard_exponential(idx.size) / lam
            xi = x1[idx]
            n = np.maximum(pd[idx], np.searchsorted(neg_d, -xi, "right"))
            cover_j[idx] += d_pref[2 * (n * K + k)] - d_pref[2 * (pd[idx] * K + k)]
            cover_s[idx] += d_pref[2 * (n * K + k) + 1] - d_pref[2 * (pd[idx] * K + k) + 1]
            pd[idx] = n
            n = np.maximum(pu[idx], np.searchsorted(u_level, xi, "right"))
            cover_j[idx] += u_pref[2 * (n * K + k)] - u_pref[2 * (pu[idx] * K + k)]
            cover_s[idx] += u_pref[2 * (n * K + k) + 1] - u_pref[2 * (pu[idx] * K + k) + 1]
            pu[idx] = n
            if has_venue:
                nl = np.maximum(pl[idx], np.searchsorted(neg_l, -xi, "right"))
                ns = np.maximum(ps[idx], np.searchsorted(s_level, xi, "right"))
                for t in np.nonzero((nl > pl[idx]) | (ns > ps[idx]))[0]:
                    p = idx[t]
                    price = spot * np.exp(xi[t])
                    lo, hi = pl[p], nl[t]
                    step_bad[p] += np.maximum(0.0, l_a[lo:hi] - l_b[lo:hi] * price).sum()
                    lo2, hi2 = ps[p], ns[t]
                    step_bad[p] += np.maximum(0.0, s_b[lo2:hi2] * price - s_a[lo2:hi2]).sum()
                    liqs[p] += (hi - lo) + (hi2 - lo2)
                    pl[p], ps[p] = hi, hi2

        x = x1
        down_at[k] = pd
        up_at[k] = pu
        if has_venue:
            ev = np.nonzero(step_bad > 0)[0]
            if ev.size:
                amounts = np.ceil(step_bad[ev] - 1e-9)
                bad_debt[ev] += amounts
                wf.absorb(ev, k, amounts, down_at, up_at)

    wf.finish()
    loss_j = cover_j + wf.draws[0]
    loss_s = cover_s + wf.draws[1]
    return {
        "paths": P,
        "steps": K,
        "meanLossJunior": float(loss_j.mean()),
        "seLossJunior": float(loss_j.std(ddof=1) / np.sqrt(P)),
        "meanLossSenior": float(loss_s.mean()),
        "seLossSenior": float(loss_s.std(ddof=1) / np.sqrt(P)),
        "meanBadDebt": float(bad_debt.mean()),
        "seBadDebt": float(bad_debt.std(ddof=1) / np.sqrt(P)),
        "meanLiquidations": float(liqs.mean()),
    }


class Waterfall:
    """ShortfallWaterfall + Recapitalizer per path, vectorised over the paths with a loss this step."""

    def __init__(self, book, P):
        w = book["waterfall"]
        self.t0, self.step_seconds = w["t0"], book["stepSeconds"]
        self.free = [arr(w["freeJunior"]), arr(w["freeSenior"])]
        self.cap_bps = [w["capBpsJunior"], w["capBpsSenior"]]
        self.window = [np.full(P, float(w["windowJunior"][0])), np.full(P, float(w["windowSenior"][0]))]
        self.prev = [np.full(P, float(w["windowJunior"][1])), np.full(P, float(w["windowSenior"][1]))]
        self.curr = [np.full(P, float(w["windowJunior"][2])), np.full(P, float(w["windowSenior"][2]))]
        self.draws = [np.zeros(P), np.zeros(P)]
        self.exposure_cap = w["exposureCap"]
        self.exposure_used = np.full(P, float(w["exposureUsed"]))
        self.recap = w["recap"]  # None, or {duration, capacity}
        self.auction_open = np.zeros(P, bool)
        self.auction_closes = np.zeros(P)
        self.auction_target = np.zeros(P)
        self.raised = np.zeros(P)
        self.socialised = np.zeros(P)
        self.sides = [book["down"], book["up"]]
        self.side_arrays = [
            (arr(s["endStep"], np.int64), arr(s["releaseStep"], np.int64), arr(s["layerIndex"], np.int64), arr(s["payout"])) for s in self.sides
        ]

    def released(self, p, k, down_at, up_at):
        out = [0.0, 0.0]
        for (end_step, release_step, layer, payout), at in zip(self.side_arrays, (down_at, up_at)):
            j = 0
            for s in range(k + 1):
                e = at[s, p]
                if e > j:
                    sel = np.arange(j, e)
                    ok = (s <= end_step[sel]) & (release_step[sel] <= k + 1)
                    for li in (0, 1):
                        out[li] += payout[sel][ok & (layer[sel] == li)].sum()
                    j = e
        return out

    def absorb(self, ev, k, amounts, down_at, up_at):
        t = self.t0 + (k + 1) * self.step_seconds
        now_window = float(t // 86_400)
        rel = np.array([self.released(p, k, down_at, up_at) for p in ev]).reshape(-1, 2)
        avail, rolled = [], []
        for i in (0, 1):
            w, prev, curr = self.window[i][ev], self.prev[i][ev], self.curr[i][ev]
            prev_now = np.where(w == now_window, prev, np.where(w + 1 == now_window, curr, 0.0))
            curr_now = np.where(w == now_window, curr, 0.0)
            free = self.free[i][k + 1] - rel[:, i] - self.draws[i][ev]
            used = prev_now + curr_now
            cap = np.floor((free + used) * self.cap_bps[i] / 10_000)
            avail.append(np.where(used >= cap, 0.0, np.minimum(cap - used, free)))
            rolled.append((prev_now, curr_now))
        remaining = np.maximum(0.0, self.exposure_cap - self.exposure_used[ev])
        eligible = np.minimum(amounts, remaining)
        over = amounts - eligible
        junior = np.minimum(eligible, avail[0])
        senior = np.minimum(eligible - junior, avail[1])
        ask = eligible - junior - senior
        for i, paid in ((0, junior), (1, senior)):
            upd = paid > 0
            sel = ev[upd]
            self.window[i][sel] = now_window
            self.prev[i][sel] = rolled[i][0][upd]
            self.curr[i][sel] = rolled[i][1][upd] + paid[upd]
            self.draws[i][sel] += paid[upd]
        accepted = np.zeros(ev.size)
        if self.recap is not None:
            open_now = self.auction_open[ev] & (t <= self.auction_closes[ev])
            top = open_now & (ask > 0)
            self.auction_target[ev[top]] += ask[top]
            new = (~open_now) & (ask > 0)
            settle = ev[new & self.auction_open[ev]]
            self._settle(settle)
            sel = ev[new]
            self.auction_open[sel] = True
            self.auction_closes[sel] = t + self.recap["duration"]
            self.auction_target[sel] = ask[new]
            accepted = np.where(ask > 0, ask, 0.0)
        self.exposure_used[ev] += junior + senior + accepted
        self.socialised[ev] += over + (ask - accepted)

    def _settle(self, sel):
        raised = np.minimum(self.auction_target[sel], self.recap["capacity"])
        self.raised[sel] += raised
        self.socialised[sel] += self.auction_target[sel] - raised
        self.auction_open[sel] = False
        self.auction_target[sel] = 0.0

    def finish(self):
        self._settle(np.nonzero(self.auction_open)[0])


if __name__ == "__main__":
    main()
