"""Roll-up across child units: who reported, what they reported, and what the office can take over."""
