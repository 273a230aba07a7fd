package blob

import (
	"net/url"
	"strings"
)

// secretWords mark the query parameters whose values Redact hides.
var secretWords = []string{"secret", "password", "passwd", "token", "sig", "credential", "key", "sas", "auth"}

const redactedText = "REDACTED"

// Redact returns rawURL with its secrets replaced by REDACTED: the password
// of its user information, and the value of every query parameter whose
// name holds one of secret, password, token, sig(nature), credential, key,
// sas or auth. A URL that does not parse loses everything after "?" and its
// user information.
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		s, _, _ := strings.Cut(rawURL, "?")
		if at := strings.LastIndexByte(s, '@'); at >= 0 {
			scheme, _, ok := strings.Cut(s, "://")
			if !ok {
				scheme = ""
			}
			s = scheme + "://" + redactedText + s[at:]
		}
		return s
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), redactedText)
		}
	}
	if u.RawQuery != "" {
		parts := strings.Split(u.RawQuery, "&")
		for i, p := range parts {
			name, _, ok := strings.Cut(p, "=")
			if ok && secretName(name) {
				parts[i] = name + "=" + redactedText
			}
		}
		u.RawQuery = strings.Join(parts, "&")
	}
	return u.String()
}

// secrets returns the secret values of rawURL that Redact hides, as they
// may appear in a message: raw and unescaped.
func secrets(rawURL string) []string {
	var out []string
	add := func(s string) {
		if len(s) >= 4 { // shorter values would replace ordinary text
			out = append(out, s)
		}
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		_, q, _ := strings.Cut(rawURL, "?")
		add(q)
		return out
	}
	if u.User != nil {
		if p, ok := u.User.Password(); ok {
			add(p)
			add(url.QueryEscape(p))
		}
	}
	for _, p := range strings.Split(u.RawQuery, "&") {
		name, v, ok := strings.Cut(p, "=")
		if ok && secretName(name) {
			add(v)
			if dv, err := url.QueryUnescape(v); err == nil && dv != v {
				add(dv)
			}
		}
	}
	return out
}

// secretName reports whether the query parameter name holds a secret.
func secretName(name string) bool {
	if n, err := url.QueryUnescape(name); err == nil {
		name = n
	}
	name = strings.ToLower(name)
	for _, w := range secretWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// scrubbed is an error whose message has its secrets replaced.
type scrubbed struct {
	msg string
	err error
}

func (e *scrubbed) Error() string { return e.msg }
func (e *scrubbed) Unwrap() error { return e.err }

// scrub returns err with every secret of its message replaced by
// REDACTED; errors.Is, errors.As and gcerrors.Code still see err.
func scrub(err error, secrets []string) error {
	if err == nil || len(secrets) == 0 {
		return err
	}
	msg := err.Error()
	for _, s := range secrets {
		msg = strings.ReplaceAll(msg, s, redactedText)
	}
	if msg == err.Error() {
		return err
	}
	return &scrubbed{msg: msg, err: err}
}
