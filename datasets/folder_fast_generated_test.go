package datasets_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/synthetic"
	"github.com/partnet/partnet/graph"
)

// TestFastPartnershipsSameNetwork checks the fast partnerships.csv path
// against the general reader on a generated folder large enough to span
// several blocks and workers.
func TestFastPartnershipsSameNetwork(t *testing.T) {
	dir := t.TempDir()
	if err := synthetic.WriteDir(context.Background(), synthetic.Options{Organisations: 30000, Ties: 300000, Seed: 3}, dir); err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(filepath.Join(dir, datasets.PartnershipsFile))
	if err != nil {
		t.Fatal(err)
	}
	net := graph.NewNetwork()
	slow := datasets.ReadFolderSlow(t, dir)
	for i := 0; i < slow.NumOrganisations(); i++ {
		net.AddOrganisation(*slow.Organisation(i))
	}
	var last int64
	ok := datasets.ReadPartnershipsFast(fh, net, func(n int64) { last = n })
	fh.Close()
	if !ok {
		t.Fatal("the fast path refused a generated partnerships.csv")
	}
	if st, _ := os.Stat(filepath.Join(dir, datasets.PartnershipsFile)); last != st.Size() {
		t.Errorf("progress ended at %d bytes, file has %d", last, st.Size())
	}
	net.Meta = slow.Meta
	if d := datasets.Diff(slow, net); d != "" {
		t.Fatalf("fast and general readers differ: %s", d)
	}
	if net.NumPartnerships() != 300000 || net.PartnershipKind(0) == "" {
		t.Errorf("%d partnerships, first kind %q", net.NumPartnerships(), net.PartnershipKind(0))
	}
}
