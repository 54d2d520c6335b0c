"""The panelist's side of the round trip: review packages, votes, finishing a review."""
