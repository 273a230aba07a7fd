package ident

import (
	"strings"
	"testing"
)

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{
		"CombinedData": "combined_data",
		"HTTPLogs":     "http_logs",
		"Asset1":       "asset1",
		"Asset1Data":   "asset1_data",
		"rawOrders":    "raw_orders",
		"userID":       "user_id",
		"UserID":       "user_id",
		"ID":           "id",
		"people":       "people",
		"raw_orders":   "raw_orders",
		"Raw_Orders":   "raw_orders",
		"A":            "a",
		"ABC":          "abc",
		"getHTTPURL":   "get_httpurl",
		"XMLHttp":      "xml_http",
		"ÜberName":     "über_name",
		"":             "",
	} {
		if got := Snake(in); got != want {
			t.Errorf("Snake(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidName(t *testing.T) {
	for s, want := range map[string]bool{
		"": false, "a": true, "_": true, "a1": true, "1a": false, "A": false,
		"a-b": false, "ab_c9": true, "é": false, "a/b": false, "a b": false,
		"z_": true, "..": false,
	} {
		if got := ValidName(s); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLimits(t *testing.T) {
	name := strings.Repeat("a", MaxName)
	if !ValidName(name) || NameProblem(name) != "" {
		t.Errorf("a name of %d bytes is refused", MaxName)
	}
	if ValidName(name + "b") {
		t.Errorf("a name of %d bytes is accepted", MaxName+1)
	}
	if got, want := NameProblem(name+"b"), "64 bytes long; a key component may have at most 63"; got != want {
		t.Errorf("NameProblem = %q, want %q", got, want)
	}
	// Four components of 63 bytes and three slashes: 255 bytes.
	key := strings.Join([]string{name, name, name, name}, "/")
	if len(key) != MaxKey || KeyProblem(key) != "" {
		t.Errorf("a key of %d bytes is refused: %s", len(key), KeyProblem(key))
	}
	for k, want := range map[string]string{
		key + "b":         "256 bytes long; a key may have at most 255",
		"a/" + name + "b": `component "` + name + `b": 64 bytes long; a key component may have at most 63`,
		"a//b":            `component "": want a lower-case identifier ([a-z_][a-z0-9_]*)`,
		"Bad/x":           `component "Bad": want a lower-case identifier ([a-z_][a-z0-9_]*)`,
		"":                `component "": want a lower-case identifier ([a-z_][a-z0-9_]*)`,
		"sales/eu/orders": "",
	} {
		if got := KeyProblem(k); got != want {
			t.Errorf("KeyProblem(%.20q) = %q, want %q", k, got, want)
		}
	}
}
