#!/usr/bin/env python3
"""How often the one-client benchmark's client is woken on an idle (halted) CPU, and what it costs.

    perf sched record -o rt.data -- build-release/benchmarks/http/bench_http_roundtrip --single NAME --calls 3000
    benchmarks/http/sched_wakeups.py rt.data

In `--single` the client runs on the process's main thread (tid == pid). For every wake-up of it
(`sched_waking`) this prints whether the target CPU was idle at that moment (its last switch was to
the idle task) or running something, and the median time from the wake-up to the client's next
traced event (its own work, about 15 µs, plus the time to get running).
"""
import re
import statistics
import subprocess
import sys

LINE = re.compile(r'\s*(-?\d+)/(-?\d+)\s+\[(\d+)\]\s+([\d.]+):\s+sched:(\w+):\s*(.*)')


def main(path):
    out = subprocess.run(['perf', 'script', '-i', path, '-F', 'pid,tid,cpu,time,event,trace'],
                         capture_output=True, text=True, check=True).stdout
    idle = {}           # cpu -> its last switch went to the idle task
    client = None       # the main thread of the benchmark process
    pending = None      # (time of the client's wake-up, 'idle' or 'busy')
    delays = {'idle': [], 'busy': []}
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        pid, tid, cpu, t, name, trace = int(m[1]), int(m[2]), int(m[3]), float(m[4]) * 1e6, m[5], m[6]
        if client is None and 'bench_http' in line and pid == tid and pid > 0:
            client = pid
        if name == 'sched_switch':
            idle[cpu] = 'next_comm=swapper' in trace
        elif tid > 0:
            idle[cpu] = False
        if pending and tid == client:
            delays[pending[1]].append(t - pending[0])
            pending = None
        if client and name == 'sched_waking' and re.search(r'\bpid=%d\b' % client, trace):
            target = int(re.search(r'target_cpu=(\d+)', trace)[1])
            pending = (t, 'idle' if idle.get(target, False) else 'busy')
    total = sum(len(v) for v in delays.values())
    for state, values in delays.items():
        if values:
            print('client woken on %s CPU: %d of %d (%.0f %%), median %.1f us to its next event'
                  % (state, len(values), total, 100.0 * len(values) / total, statistics.median(values)))


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
