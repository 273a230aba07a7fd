package ident

import "testing"

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
