package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBrowserConfig launches a run with a run config from the launch
// page: the page lists the config fields of the selection, refuses a bad
// config with materialize --config's own message, plans and launches
// with a good one, and the run's step records the values it ran with.
func TestBrowserConfig(t *testing.T) {
	base := serveBinary(t)
	ctx := browser(t)

	do(t, ctx, chromedp.Navigate(base+"/launch?select=report"), chromedp.WaitVisible(chromedp.CSS(`#plan`)))
	fields := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#config-schema tbody tr td:first-child")].map(td => td.textContent)`))
	assert.Equal(t, []string{"report.title", "report.copies"}, fields)

	// markOld marks the page, so that a wait can tell the next one.
	markOld := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[bool](`document.body.dataset.old = "1"; true`)(ctx, tg)
		return chromedp.Void{}, err
	}

	// A wrong type and a misspelt field: nothing planned, both reported.
	setConfig := func(text string) {
		t.Helper()
		do(t, ctx,
			chromedp.SetValue(chromedp.CSS(`#launch-config`), text),
			markOld,
			chromedp.Click(chromedp.CSS(`#preview`)),
			wait(`!document.body.dataset.old && document.readyState === "complete"`, patience),
		)
	}
	setConfig("report:\n  copies: many\n  titel: Weekly\n")
	msg := run(t, ctx, chromedp.Text(chromedp.CSS(`.selerr`)))
	assert.Contains(t, msg, "invalid config, nothing ran")
	assert.Contains(t, msg, `asset report: config field "copies" (int): want an integer of 64 bits, got "many"`)
	assert.Contains(t, msg, `asset report: unknown config field "titel" (did you mean "title"?)`)
	assert.Equal(t, 0, run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#plan").length`)))
	assert.Equal(t, "report:\n  copies: many\n  titel: Weekly\n", run(t, ctx, chromedp.Evaluate[string](`document.getElementById("launch-config").value`)), "the config is kept for fixing")
	shoot(t, ctx, "launch-config-error")

	// Fixed: the plan, the launch, the run with those values.
	setConfig("report:\n  copies: 2\n  title: Weekly\n")
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`#plan`)))
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#launch`)),
		chromedp.WaitVisible(chromedp.CSS(`#gantt`)),
		wait(`document.body.dataset.ended === "true"`, patience),
	)
	assert.Equal(t, "success", run(t, ctx, chromedp.Text(chromedp.CSS(`#run-status`))))
	logLines := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#logs tbody tr")].map(r => r.textContent)`))
	assert.True(t, containsLine(logLines, "report", "report written", "title=Weekly", "copies=2"), "log lines: %q", logLines)
	loc := run(t, ctx, chromedp.Location())
	id := loc[strings.LastIndex(loc, "/")+1:]
	resp, err := http.Get(base + "/api/runs/" + id)
	require.NoError(t, err)
	var rv struct {
		Steps []struct {
			Asset  string
			Config string
		}
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&rv))
	resp.Body.Close()
	require.Len(t, rv.Steps, 1)
	assert.Equal(t, `{"copies":"2","title":"Weekly"}`, rv.Steps[0].Config)

	// The API takes the same text, and refuses a bad one alike.
	resp, err = http.Post(base+"/api/runs", "application/json", strings.NewReader(`{"select": "report", "config": "{\"report\": {\"copies\": \"x\"}}"}`))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	assert.Contains(t, string(body), `asset report: config field \"copies\" (int): want an integer of 64 bits, got \"x\"`)
	id = launchRun(t, base, `{"select": "report", "config": "report: {title: API}"}`)
	require.NotEmpty(t, id)
}
