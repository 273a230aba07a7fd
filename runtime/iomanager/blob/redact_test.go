package blob

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"gocloud.dev/gcerrors"
)

func TestRedact(t *testing.T) {
	for raw, want := range map[string]string{
		"s3://b/p?region=eu-west-1":                             "s3://b/p?region=eu-west-1",
		"s3://b?endpoint=http://h:1&secret=s3cr3t&region=x":     "s3://b?endpoint=http://h:1&secret=REDACTED&region=x",
		"azblob://c?sas_token=sv%3D2020%26sig%3Dabc":            "azblob://c?sas_token=REDACTED",
		"s3://user:pass1234@b/p":                                "s3://user:REDACTED@b/p",
		"gs://b?access_id=me&private_key_path=/k.pem":           "gs://b?access_id=me&private_key_path=REDACTED",
		"s3://b?X-Amz-Signature=abcd&X-Amz-Credential=AKIA%2Fx": "s3://b?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED",
		"file:///var/data":                                      "file:///var/data",
		"s3://u:p@b/%zz?secret=abcd":                            "s3://REDACTED@b/%zz",
	} {
		assert.Equal(t, want, Redact(raw), raw)
	}
	err := scrub(errors.New(`open "s3://b?secret=s3cr3t": bad secret s3cr3t`), secrets("s3://b?secret=s3cr3t"))
	assert.EqualError(t, err, `open "s3://b?secret=REDACTED": bad secret REDACTED`)
	assert.Equal(t, gcerrors.Unknown, gcerrors.Code(err))
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{"s3://b?secret=abcd", "s3://u:p@b", "%", "s3://b?a=b&token=%zz", "://@?"} {
		f.Add(s, "secretvalue")
	}
	f.Fuzz(func(t *testing.T, raw, secret string) {
		_ = Redact(raw)
		_ = secrets(raw)
		if len(secret) < 4 || strings.ContainsAny(secret, "?&=#%/@:") {
			return
		}
		u := "s3://bucket/path?region=x&secret_key=" + url.QueryEscape(secret)
		if strings.Contains("s3://bucket/path?region=x&secret_key=", url.QueryEscape(secret)) {
			return
		}
		if got := Redact(u); strings.Contains(got, url.QueryEscape(secret)) {
			t.Fatalf("Redact(%q) = %q shows the secret", u, got)
		}
		msg := scrub(errors.New("failed: "+u+" "+secret), secrets(u)).Error()
		if strings.Contains(msg, secret) || strings.Contains(msg, url.QueryEscape(secret)) {
			t.Fatalf("scrub left the secret in %q", msg)
		}
	})
}
