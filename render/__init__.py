"""PetReel render package."""
