import { setupJest } from 'cdktf/lib/testing/adapters/jest';

// cdktf's matchers: toHaveResourceWithProperties, toBeValidTerraform, …
setupJest();
