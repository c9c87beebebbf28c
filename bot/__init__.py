"""PetReel bot package."""
