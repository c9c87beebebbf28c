"""PetReel petreel package."""
