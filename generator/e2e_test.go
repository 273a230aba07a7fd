package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestEndToEnd generates eight golden packages, then builds and runs
// testdata/e2e, a main that materializes them with the memory I/O manager:
// three of them take inputs across packages (xpkg_two from xpkg_down,
// xpkg_down from xpkg_up).
func TestEndToEnd(t *testing.T) {
	bin := buildCase(t, "e2e", "birds", "shapes", "options", "columns", "xpkg_up", "xpkg_down", "xpkg_two", "streams")
	out, err := exec.Command(bin).CombinedOutput()
	if err != nil {
		t.Fatalf("e2e: %v\n%s", err, out)
	}
	want := `anon success
asset1 success
asset2 success
birds success
blob success
both success
check failed: x
cleaned success
cols/names success
cols/people success
cols/pointers success
combined_data success
crm/customers success
crm/ledger success
crm/secret_count success
crm/seed success
crm/visit_counts success
dash/contacts success
dash/report success
dash/summary success
dash/visit_counts success
empty success
events success
exotic success
handler success
listed success
lookup success
many success
matrix success
pairs success
people success
pointer success
reader success
replayed success
sales/eu/orders success
sales/eu/report success
sales/us/orders success
score success
secret success
single success
sink success
sized success
stacked success
stream success
table success
temperature success
total success
totally_renamed success
touch success
versioned success
combined_data = [{1 Alice} {2 Bob} {3 Charlie} {1 Bluebird} {2 Robin} {3 Eagle}]
score = 22.5
sized = 3
sales/eu/report = 0
stacked = [{1}]
cols/names = [{an 1 2026-01-02 00:00:00 +0000 UTC} {bo 2 0001-01-01 00:00:00 +0000 UTC}]
cols/pointers = an 2 2026-01-02
dash/contacts = [{1 Ann} {2 Bob}]
dash/summary = summary: 2 customers, 4 visits, 1 in the ledger; secret 7
cleaned = [{0 0} {2 1} {4 2}]
total = 3
replayed 70
replayed 80
all_logs  success <nil>
log_lines 2024-01-01 success <nil>
log_lines 2024-01-02 success <nil>
log_lines 2024-01-03 success <nil>
logs 2024-01-01...2024-01-03 success <nil>
log_lines 2024-01-01 = 1
log_lines 2024-01-03 = 1
all_logs 2024-01-01 started
all_logs 2024-01-02 started
all_logs 2024-01-03 started
asset dash/contacts (testdata/xpkg_down/down.go:22): deps names no asset "crm/seed" (declared in another package? add that package's Assets() to the Definitions)
asset dash/contacts (testdata/xpkg_down/down.go:22): input customers names no asset "crm/customers" (declared in another package? add that package's Assets() to the Definitions)
asset dash/report (testdata/xpkg_down/down.go:33): input customers names no asset "crm/customers" (declared in another package? add that package's Assets() to the Definitions)
asset dash/report (testdata/xpkg_down/down.go:33): input ledger names no asset "crm/ledger" (declared in another package? add that package's Assets() to the Definitions)
`
	if string(out) != want {
		t.Errorf("e2e output:\n%s\nwant:\n%s", out, want)
	}
}

// buildCase generates the golden cases named and builds the main package
// at ../testdata/main with their fresh assets_gen.go laid over them.
func buildCase(t *testing.T, main string, cases ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs a program")
	}
	got := generateCases(t, testdataDir(t), cases)
	tmp := t.TempDir()
	overlay := map[string]string{}
	for _, c := range cases {
		p := got[c]
		if p.Src == nil {
			t.Fatalf("%s: nothing generated: %v", c, p.Errors)
		}
		f := filepath.Join(tmp, c+".go")
		if err := os.WriteFile(f, p.Src, 0o644); err != nil {
			t.Fatal(err)
		}
		overlay[p.File] = f
	}
	bin := filepath.Join(tmp, main)
	if !goTool(t, overlay, tmp, "build", "-o", bin, "./testdata/"+main) {
		t.FailNow()
	}
	return bin
}

// runCmd runs cmd and returns its combined output and exit status; it
// fails the test when cmd cannot run.
func runCmd(t *testing.T, cmd *exec.Cmd) (string, int) {
	t.Helper()
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// readFile returns the content of file, "" when it does not exist.
func readFile(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(b)
}
