package history

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// AbandonAfter is how long a run on another host may go without a
// heartbeat before Reap marks it abandoned. Runs on this host are checked
// directly: their process is gone, or its ID now belongs to another
// process.
const AbandonAfter = 2 * time.Minute

// HeartbeatInterval is how often a Recorder refreshes the heartbeat of its
// running runs.
const HeartbeatInterval = 15 * time.Second

// process identifies a process: host name, process ID, and a token that
// tells a later process reusing the same ID apart (boot ID and start time,
// where the system gives them).
type process struct {
	host string
	pid  int
	proc string
}

func self() process {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown"
	}
	pid := os.Getpid()
	return process{host: host, pid: pid, proc: procToken(pid)}
}

// token returns the process token to store with r: ours when r was
// started by this process, else none.
func (p process) token(r *Run) string {
	if r.Host == p.host && r.PID == p.pid {
		return p.proc
	}
	return ""
}

// gone reports whether the process that owns a running run is gone, and
// why.
func (p process) gone(host string, pid int, proc string, heartbeat, now time.Time) (string, bool) {
	if host == p.host {
		if pid == p.pid && (proc == "" || proc == p.proc) {
			return "", false
		}
		switch alive(pid, proc) {
		case dead:
			return fmt.Sprintf("process %d on %s is gone", pid, host), true
		case running:
			return "", false
		}
	}
	if age := now.Sub(heartbeat); age > AbandonAfter {
		return fmt.Sprintf("no heartbeat from process %d on %s for %s", pid, host, age.Round(time.Second)), true
	}
	return "", false
}

type liveness int

const (
	unknown liveness = iota
	running
	dead
)

// alive tells whether process pid, started as proc says, still runs.
func alive(pid int, proc string) liveness {
	if pid <= 0 {
		return dead
	}
	switch signalZero(pid) {
	case dead:
		return dead
	case unknown:
		return unknown
	}
	if proc != "" {
		if now := procToken(pid); now != "" && now != proc {
			return dead // the ID was reused by a newer process
		}
	}
	return running
}

// procToken returns "bootID:starttime" for pid on Linux, else "".
func procToken(pid int) string {
	boot, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ""
	}
	// The command name (field 2) is in parentheses and may hold spaces;
	// start time is field 22, the 20th after the closing parenthesis.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return ""
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return ""
	}
	return strings.TrimSpace(string(boot)) + ":" + f[19]
}
