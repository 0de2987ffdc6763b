#ifndef C_ATOMIC_RENAME_H
#define C_ATOMIC_RENAME_H

/// Atomically swaps two paths on the same file system (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, otherwise -1 with errno set (ENOSYS or EINVAL where the kernel or file
/// system cannot exchange).
int catomic_exchange(const char *first, const char *second);

#endif
