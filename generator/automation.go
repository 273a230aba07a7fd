package generator

import (
	"errors"
	"strings"

	"github.com/assetgen/assetgen/internal/autospec"
)

// automation sets automation= or freshness= (key) from its items, joined
// back with the commas between them, parsed by package autospec. An
// error is placed where it is in the value when the value is unquoted,
// else at the value.
func (p *directiveParser) automation(o *Options, key string, items []item) {
	texts := make([]string, len(items))
	quoted := false
	for i, it := range items {
		texts[i] = it.text
		quoted = quoted || it.quoted
	}
	v := strings.Join(texts, ",")
	var norm string
	var err error
	if key == "automation" {
		var c autospec.Cond
		c, err = autospec.ParseCondition(v)
		norm = c.String()
	} else {
		var f autospec.Freshness
		f, err = autospec.ParseFreshness(v)
		norm = f.String()
	}
	if err != nil {
		off, msg := items[0].off, err.Error()
		var se *autospec.SyntaxError
		if errors.As(err, &se) {
			msg = se.Msg
			if !quoted {
				off += se.Offset
			}
		}
		p.errorf(off, "invalid %s %q: %s", key, v, msg)
		return
	}
	if key == "automation" {
		o.Automation = norm
	} else {
		o.Freshness = norm
	}
}
